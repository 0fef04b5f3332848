using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using MimeKit;

namespace FlexMail.Tests.Integration.Sandbox.Mail;

/// <summary>Reading mailboxes through the automation API: list by folder path, one message with headers, one as MIME.</summary>
public sealed class SandboxMessagesApiTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxAutomationKit _kit = new(portal);

    [Fact]
    public async Task List_TheFlexMailRepliesFolder_HasTheReplyWithItsFolderPath()
    {
        var subject = $"RE: [FlexMail] Listed FM-LIST-{Guid.NewGuid():N}";
        var copy = (await portal.Get<SandboxRawDelivery>().DeliverAsync(SandboxAutomationKit.Reply(subject), CancellationToken.None)).Copies.Single();
        using var client = await _kit.ApiKeyClientAsync();

        using var list = JsonDocument.Parse(await client.GetStringAsync(_kit.Url("/mailboxes/approvals@contoso.test/messages?folder=Inbox/FlexMail%20Replies")));

        var line = list.RootElement.EnumerateArray().Single(m => m.GetProperty("subject").GetString() == subject);
        Assert.Equal(copy.MessageId, line.GetProperty("id").GetString());
        Assert.Equal("Inbox/FlexMail Replies", line.GetProperty("folder").GetString());
        Assert.Equal("adele.vance@contoso.test", line.GetProperty("from").GetProperty("address").GetString());
        Assert.True(line.TryGetProperty("receivedDateTime", out _));
    }

    [Fact]
    public async Task List_TheInbox_DoesNotHoldTheFiledReply()
    {
        var subject = $"RE: [FlexMail] Filed FM-FILE-{Guid.NewGuid():N}";
        await portal.Get<SandboxRawDelivery>().DeliverAsync(SandboxAutomationKit.Reply(subject), CancellationToken.None);
        using var client = await _kit.ApiKeyClientAsync();

        var inbox = await client.GetStringAsync(_kit.Url("/mailboxes/approvals@contoso.test/messages?folder=Inbox"));

        Assert.DoesNotContain(subject, inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AMessage_HasItsHeadersAndBody()
    {
        var mime = SandboxAutomationKit.Reply($"RE: [FlexMail] Got FM-GETS-{Guid.NewGuid():N}");
        var copy = (await portal.Get<SandboxRawDelivery>().DeliverAsync(mime, CancellationToken.None)).Copies.Single();
        using var client = await _kit.ApiKeyClientAsync();

        using var message = JsonDocument.Parse(await client.GetStringAsync(_kit.Url($"/mailboxes/approvals@contoso.test/messages/{copy.MessageId}")));

        Assert.Equal($"<{mime.MessageId}>", message.RootElement.GetProperty("internetMessageId").GetString());
        Assert.Equal("html", message.RootElement.GetProperty("body").GetProperty("contentType").GetString());
        Assert.Contains("<b>Approve</b>", message.RootElement.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains(message.RootElement.GetProperty("headers").EnumerateArray(),
            h => h.GetProperty("name").GetString() == "X-Mailer" && h.GetProperty("value").GetString() == "Sandbox tests");
    }

    [Fact]
    public async Task Raw_AMessage_IsMimeWithTheStoredHeadersAndBody()
    {
        var mime = SandboxAutomationKit.Reply($"RE: [FlexMail] Raw FM-RAWS-{Guid.NewGuid():N}");
        mime.InReplyTo = "original@contoso.test";
        var copy = (await portal.Get<SandboxRawDelivery>().DeliverAsync(mime, CancellationToken.None)).Copies.Single();
        using var client = await _kit.ApiKeyClientAsync();

        using var response = await client.GetAsync(_kit.Url($"/mailboxes/approvals@contoso.test/messages/{copy.MessageId}/raw"));

        Assert.Equal("message/rfc822", response.Content.Headers.ContentType?.MediaType);
        using var raw = await MimeMessage.LoadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(mime.MessageId, raw.MessageId);
        Assert.Equal(mime.Subject, raw.Subject);
        Assert.Equal("original@contoso.test", raw.InReplyTo);
        Assert.Equal("Sandbox tests", raw.Headers["X-Mailer"]);
        Assert.Contains("<b>Approve</b>", raw.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnUnknownMailboxOrFolder_Answers404ProblemDetails()
    {
        using var client = await _kit.ApiKeyClientAsync();

        using var mailbox = await client.GetAsync(_kit.Url("/mailboxes/nobody@contoso.test/messages"));
        using var folder = await client.GetAsync(_kit.Url("/mailboxes/approvals@contoso.test/messages?folder=Inbox/Nowhere"));

        Assert.Equal(HttpStatusCode.NotFound, mailbox.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, folder.StatusCode);
        Assert.Equal("application/problem+json", folder.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_Anonymous_Answers401()
    {
        using var client = portal.Cloud.CreateHttpClient();

        using var response = await client.GetAsync(_kit.Url("/mailboxes/approvals@contoso.test/messages"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_AsSignedInNonAdmin_IsRefused()
    {
        using var browser = await portal.SignInAtLocalhostAsync(Portal.Sandbox.SandboxSeed.DiegoSiciliani);
        var url = new Uri($"https://localhost:{portal.HttpsAddress.Port}/sandbox/api/mailboxes/approvals@contoso.test/messages");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await browser.Client.SendAsync(request);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
