using System.Net;
using System.Text;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using MimeKit;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>Drafts in the sandbox's Graph: created from JSON or base64 MIME, then sent with <c>messages/{id}/send</c>.</summary>
public sealed class GraphDraftTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string Approvals = "approvals@contoso.test";
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task CreateFromMime_WithTextAndHtml_IsADraftInDraftsWithTheHtmlBody()
    {
        var subject = $"MIME draft {Guid.NewGuid():N}";

        var (status, draft) = await CreateFromMimeAsync(Mime(subject, "adele.vance@contoso.test"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(draft.GetProperty("isDraft").GetBoolean());
        Assert.StartsWith("<", draft.GetProperty("internetMessageId").GetString());
        Assert.Equal("html", draft.GetProperty("body").GetProperty("contentType").GetString());
        Assert.Contains("<b>Approve</b>", draft.GetProperty("body").GetProperty("content").GetString());
        Assert.Equal("replies@contoso.test", draft.GetProperty("replyTo")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Equal(Approvals, draft.GetProperty("from").GetProperty("emailAddress").GetProperty("address").GetString());
        var drafts = await FolderIdAsync("drafts");
        Assert.Equal(drafts, draft.GetProperty("parentFolderId").GetString());
    }

    [Fact]
    public async Task Send_AMimeDraft_ArrivesWithTheDraftsMessageIdReplyToAndXHeadersButNoAutoSubmitted()
    {
        var subject = $"Sent draft {Guid.NewGuid():N}";
        var (_, draft) = await CreateFromMimeAsync(Mime(subject, "adele.vance@contoso.test"));
        var internetMessageId = draft.GetProperty("internetMessageId").GetString();
        var client = await _graph.ServiceUserAsync();

        await client.Users[Approvals].Messages[draft.GetProperty("id").GetString()].Send.PostAsync();

        var received = await FindAsync("adele.vance@contoso.test", "inbox", subject);
        Assert.Equal(internetMessageId, received.InternetMessageId);
        Assert.False(received.IsDraft);
        Assert.Equal("replies@contoso.test", received.ReplyTo!.Single().EmailAddress!.Address);
        Assert.Equal("FM-7KQ2", received.InternetMessageHeaders!.Single(h => h.Name == "X-FlexMail-Approval").Value);
        Assert.DoesNotContain(received.InternetMessageHeaders!, h => h.Name!.Equals("Auto-Submitted", StringComparison.OrdinalIgnoreCase));
        var sent = await FindAsync(Approvals, "sentitems", subject);
        Assert.Equal(internetMessageId, sent.InternetMessageId);
        Assert.False(sent.IsDraft);
        var left = await client.Users[Approvals].MailFolders["drafts"].Messages.GetAsync(r => r.QueryParameters.Filter = $"subject eq '{subject}'");
        Assert.Empty(left!.Value!);
    }

    [Fact]
    public async Task Create_WithANonXHeader_IsInvalidInternetMessageHeader()
    {
        var client = await _graph.ServiceUserAsync();
        var message = Draft("Bad header", "adele.vance@contoso.test");
        message.InternetMessageHeaders = [new InternetMessageHeader { Name = "Auto-Submitted", Value = "auto-generated" }];

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.Messages.PostAsync(message));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("InvalidInternetMessageHeader", error.Error!.Code);
        Assert.Equal("The internet message header name 'Auto-Submitted' should start with 'x-' or 'X-'.", error.Error.Message);
    }

    [Fact]
    public async Task Send_ADraftFromAdeleWithoutSendAs_IsErrorSendAsDeniedAndStaysADraft()
    {
        var client = await _graph.ServiceUserAsync();
        var message = Draft($"Pretending {Guid.NewGuid():N}", "alex.wilber@contoso.test");
        message.From = new Recipient { EmailAddress = new EmailAddress { Address = "adele.vance@contoso.test" } };
        var draft = await client.Me.Messages.PostAsync(message);

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.Messages[draft!.Id].Send.PostAsync());

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("ErrorSendAsDenied", error.Error!.Code);
        var still = await client.Me.Messages[draft!.Id].GetAsync();
        Assert.True(still!.IsDraft);
    }

    [Fact]
    public async Task Send_ADraftAlreadySent_IsErrorItemNotFound()
    {
        var client = await _graph.ServiceUserAsync();
        var draft = await client.Me.Messages.PostAsync(Draft($"Twice {Guid.NewGuid():N}", "megan.bowen@contoso.test"));
        await client.Me.Messages[draft!.Id].Send.PostAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.Messages[draft.Id].Send.PostAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task Send_AReceivedMessage_IsErrorItemNotFound()
    {
        var subject = $"Not a draft {Guid.NewGuid():N}";
        await _graph.DeliverAsync(SandboxSeed.ServiceUser, subject);
        var received = await FindAsync("svc-flexmail@contoso.test", "inbox", subject);
        var client = await _graph.ServiceUserAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.Messages[received.Id].Send.PostAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task CreateFromMime_NotBase64_IsBadRequest()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);

        using var response = await _graph.Http(token).PostAsync(_graph.Url("me/messages"), new StringContent("not base64!", Encoding.ASCII, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Invalid base64 string for MIME content.", await response.Content.ReadAsStringAsync());
    }

    /// <summary>An approval mail as FlexMail builds it: text and HTML, Reply-To, a custom header, and Auto-Submitted.</summary>
    public static MimeMessage Mime(string subject, string to)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Approvals", Approvals));
        message.To.Add(MailboxAddress.Parse(to));
        message.ReplyTo.Add(MailboxAddress.Parse("replies@contoso.test"));
        message.Subject = subject;
        message.Headers.Add("X-FlexMail-Approval", "FM-7KQ2");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = "Approve or reject.", HtmlBody = "<p><b>Approve</b> or reject.</p>" }.ToMessageBody();
        return message;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CreateFromMimeAsync(MimeMessage mime)
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        using var raw = new MemoryStream();
        await mime.WriteToAsync(raw);
        using var response = await _graph.Http(token).PostAsync(_graph.Url($"users/{Approvals}/messages"),
            new StringContent(Convert.ToBase64String(raw.ToArray()), Encoding.ASCII, "text/plain"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    private async Task<string?> FolderIdAsync(string wellKnownName)
    {
        var client = await _graph.ServiceUserAsync();
        return (await client.Users[Approvals].MailFolders[wellKnownName].GetAsync())!.Id;
    }

    private async Task<Message> FindAsync(string mailbox, string folder, string subject)
    {
        var reader = await _graph.ApplicationAsync("Mail.Read");
        var found = await reader.Users[mailbox].MailFolders[folder].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"subject eq '{subject}'";
            r.QueryParameters.Select = ["subject", "from", "isDraft", "replyTo", "internetMessageId", "internetMessageHeaders"];
        });
        return Assert.Single(found!.Value!);
    }

    private static Message Draft(string subject, string to) => new()
    {
        Subject = subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Please approve.</p>" },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to } }],
    };
}
