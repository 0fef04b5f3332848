using System.Net;
using System.Text;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using MimeKit;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>Graph's "send mail in MIME format": <c>sendMail</c> with a base64 MIME body as <c>text/plain</c>.</summary>
public sealed class GraphSendMimeTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task SendMail_Mime_ArrivesWithItsHtmlBodyAndCustomHeaders()
    {
        var subject = $"MIME release {Guid.NewGuid():N}";
        var mime = GraphDraftTests.Mime(subject, SandboxSeed.AdeleVance.Mail!);

        using var response = await PostAsync("users/approvals@contoso.test/sendMail", await Base64Async(mime));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reader = await _graph.ApplicationAsync("Mail.Read");
        var found = await reader.Users[SandboxSeed.AdeleVance.Mail].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"subject eq '{subject}'";
            r.QueryParameters.Select = ["subject", "from", "body", "replyTo", "internetMessageHeaders"];
        });
        var received = Assert.Single(found!.Value!);
        Assert.Equal("approvals@contoso.test", received.From!.EmailAddress!.Address);
        Assert.Contains("<b>Approve</b>", received.Body!.Content);
        Assert.Equal("replies@contoso.test", Assert.Single(received.ReplyTo!).EmailAddress!.Address);
        Assert.Contains(received.InternetMessageHeaders!, h => h.Name == "X-FlexMail-Approval" && h.Value == "FM-7KQ2");
        Assert.DoesNotContain(received.InternetMessageHeaders!, h => h.Name == "Auto-Submitted");
    }

    [Fact]
    public async Task Value_OfADeliveredMail_IsItsMimeWithEveryHeader()
    {
        var subject = $"Raw {Guid.NewGuid():N}";
        var reply = new MimeMessage();
        reply.From.Add(MailboxAddress.Parse(SandboxSeed.AdeleVance.Mail!));
        reply.To.Add(MailboxAddress.Parse("approvals@contoso.test"));
        reply.Subject = subject;
        reply.Headers.Add("Auto-Submitted", "auto-replied");
        reply.Body = new TextPart("plain") { Text = "Out of office." };
        var copy = (await portal.Get<Portal.Sandbox.Mail.SandboxRawDelivery>().DeliverAsync(reply, CancellationToken.None)).Copies.Single();
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);

        using var response = await _graph.Http(token).GetAsync(_graph.Url($"users/approvals@contoso.test/messages/{copy.MessageId}/$value"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message/rfc822", response.Content.Headers.ContentType?.MediaType);
        using var read = await MimeMessage.LoadAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(subject, read.Subject);
        Assert.Equal("auto-replied", read.Headers["Auto-Submitted"]);
        Assert.Equal("Out of office.", read.TextBody?.Trim());
    }

    [Fact]
    public async Task SendMail_MimeWithoutRecipients_IsErrorInvalidRecipients()
    {
        var mime = GraphDraftTests.Mime("No one", SandboxSeed.AdeleVance.Mail!);
        mime.To.Clear();

        using var response = await PostAsync("users/approvals@contoso.test/sendMail", await Base64Async(mime));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ErrorInvalidRecipients", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendMail_NotBase64_IsBadRequest()
    {
        using var response = await PostAsync("me/sendMail", "not base64!");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ErrorMimeContentInvalidBase64String", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        return await _graph.Http(token).PostAsync(_graph.Url(path), new StringContent(body, Encoding.ASCII, "text/plain"));
    }

    private static async Task<string> Base64Async(MimeMessage mime)
    {
        using var raw = new MemoryStream();
        await mime.WriteToAsync(raw);
        return Convert.ToBase64String(raw.ToArray());
    }
}
