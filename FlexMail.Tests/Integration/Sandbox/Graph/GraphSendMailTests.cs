using System.Net;
using System.Text;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using MeSendMail = Microsoft.Graph.Me.SendMail.SendMailPostRequestBody;
using MessageReply = Microsoft.Graph.Me.Messages.Item.Reply.ReplyPostRequestBody;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

public sealed class GraphSendMailTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task SendMail_FromTheServiceUser_ArrivesInAdelesInboxWithAMessageId()
    {
        var client = await _graph.ServiceUserAsync();
        var subject = $"Approve release {Guid.NewGuid():N}";

        await client.Me.SendMail.PostAsync(new MeSendMail { Message = Mail(subject, "adele.vance@contoso.test"), SaveToSentItems = true });

        var received = await FindAsync("adele.vance@contoso.test", "inbox", subject);
        Assert.Equal("svc-flexmail@contoso.test", received.From!.EmailAddress!.Address);
        Assert.False(received.IsRead);
        Assert.StartsWith("<", received.InternetMessageId);
        Assert.Equal(received.InternetMessageId, received.InternetMessageHeaders!.Single(h => h.Name == "Message-ID").Value);
        Assert.Equal("42", received.InternetMessageHeaders!.Single(h => h.Name == "X-FlexMail-Request").Value);
        var sent = await FindAsync("svc-flexmail@contoso.test", "sentitems", subject);
        Assert.Equal(received.InternetMessageId, sent.InternetMessageId);
    }

    [Fact]
    public async Task SendMail_AsTheSharedMailbox_WithSendAs_IsSentFromIt()
    {
        var client = await _graph.ServiceUserAsync();
        var subject = $"Shared approval {Guid.NewGuid():N}";
        var message = Mail(subject, "adele.vance@contoso.test");
        message.From = Recipient("approvals@contoso.test");

        await client.Me.SendMail.PostAsync(new MeSendMail { Message = message });

        var received = await FindAsync("adele.vance@contoso.test", "inbox", subject);
        Assert.Equal("approvals@contoso.test", received.From!.EmailAddress!.Address);
        Assert.Equal("Approvals", received.From.EmailAddress.Name);
    }

    [Fact]
    public async Task SendMail_ByAnApplicationForTheSharedMailbox_KeepsTheCopyInItsSentItems()
    {
        var client = await _graph.ApplicationAsync("Mail.Send");
        var subject = $"App sent {Guid.NewGuid():N}";

        // The SDK always sends "SaveToSentItems" (false unless set), so a copy must be asked for.
        await client.Users["approvals@contoso.test"].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            Message = Mail(subject, "megan.bowen@contoso.test"),
            SaveToSentItems = true,
        });

        var sent = await FindAsync("approvals@contoso.test", "sentitems", subject);
        var received = await FindAsync("megan.bowen@contoso.test", "inbox", subject);
        Assert.Equal("approvals@contoso.test", received.From!.EmailAddress!.Address);
        Assert.Equal(received.InternetMessageId, sent.InternetMessageId);
    }

    [Fact]
    public async Task SendMail_AsAdele_WithoutSendAs_IsErrorSendAsDenied()
    {
        var client = await _graph.ServiceUserAsync();
        var message = Mail("Pretending", "alex.wilber@contoso.test");
        message.From = Recipient("adele.vance@contoso.test");

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.SendMail.PostAsync(new MeSendMail { Message = message }));

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("ErrorSendAsDenied", error.Error!.Code);
        Assert.StartsWith("The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.",
            error.Error.Message);
    }

    [Fact]
    public async Task SendMail_WithoutMailSendScope_IsErrorAccessDenied()
    {
        var client = await _graph.DelegatedAsync(SandboxSeed.ServiceUser, "User.Read", "Mail.Read");

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            client.Me.SendMail.PostAsync(new MeSendMail { Message = Mail("No scope", "adele.vance@contoso.test") }));

        Assert.Equal("ErrorAccessDenied", error.Error!.Code);
    }

    [Fact]
    public async Task SendMail_WithANonXHeader_IsBadRequest()
    {
        var client = await _graph.ServiceUserAsync();
        var message = Mail("Bad header", "adele.vance@contoso.test");
        message.InternetMessageHeaders = [new InternetMessageHeader { Name = "Priority", Value = "urgent" }];

        var error = await Assert.ThrowsAsync<ODataError>(() => client.Me.SendMail.PostAsync(new MeSendMail { Message = message }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("InvalidInternetMessageHeader", error.Error!.Code);
    }

    [Fact]
    public async Task Reply_ByTheApprover_ArrivesInTheSharedMailboxInReplyToTheOriginal()
    {
        var service = await _graph.ServiceUserAsync();
        var subject = $"Approval needed {Guid.NewGuid():N}";
        var request = Mail(subject, "adele.vance@contoso.test");
        request.From = Recipient("approvals@contoso.test");
        await service.Me.SendMail.PostAsync(new MeSendMail { Message = request });
        var original = await FindAsync("adele.vance@contoso.test", "inbox", subject);
        var adele = await _graph.DelegatedAsync(SandboxSeed.AdeleVance, "Mail.ReadWrite", "Mail.Send");

        await adele.Me.Messages[original.Id].Reply.PostAsync(new MessageReply { Comment = "Approved" });

        var reply = await FindAsync("approvals@contoso.test", "inbox", $"RE: {subject}");
        Assert.Equal("adele.vance@contoso.test", reply.From!.EmailAddress!.Address);
        Assert.Equal(original.InternetMessageId, reply.InternetMessageHeaders!.Single(h => h.Name == "In-Reply-To").Value);
        Assert.Equal(original.ConversationId, reply.ConversationId);
        Assert.Contains("Approved", reply.Body!.Content);
    }

    [Fact]
    public async Task SendMail_ThroughRawHttp_Answers202WithoutBody()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        const string body = """{"message":{"subject":"Raw","body":{"contentType":"Text","content":"Hi"},"toRecipients":[{"emailAddress":{"address":"megan.bowen@contoso.test"}}]}}""";

        using var response = await _graph.Http(token).PostAsync(_graph.Url("me/sendMail"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    private async Task<Message> FindAsync(string mailbox, string folder, string subject)
    {
        var reader = await _graph.ApplicationAsync("Mail.Read");
        var found = await reader.Users[mailbox].MailFolders[folder].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"subject eq '{subject}'";
            r.QueryParameters.Select = ["subject", "from", "isRead", "body", "conversationId", "internetMessageId", "internetMessageHeaders"];
        });
        return Assert.Single(found!.Value!);
    }

    private static Message Mail(string subject, string to) => new()
    {
        Subject = subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Please approve.</p>" },
        ToRecipients = [Recipient(to)],
        InternetMessageHeaders = [new InternetMessageHeader { Name = "X-FlexMail-Request", Value = "42" }],
    };

    private static Recipient Recipient(string address) => new() { EmailAddress = new EmailAddress { Address = address } };
}
