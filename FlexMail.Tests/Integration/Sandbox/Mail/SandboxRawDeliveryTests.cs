using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using MimeKit;

namespace FlexMail.Tests.Integration.Sandbox.Mail;

/// <summary>Raw MIME delivery (<c>POST /sandbox/api/deliveries</c> and <see cref="SandboxRawDelivery"/>): received mail with every header.</summary>
public sealed class SandboxRawDeliveryTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxAutomationKit _kit = new(portal);

    [Fact]
    public async Task Post_AReplyWithAnApiKey_Answers201WithTheCopyFiledByTheInboxRule()
    {
        using var client = await _kit.ApiKeyClientAsync();
        var subject = $"RE: [FlexMail] Release 4.2 FM-7KQ2-{Guid.NewGuid():N}";

        using var response = await client.PostAsync(_kit.Url("/deliveries"), SandboxAutomationKit.Rfc822(SandboxAutomationKit.Reply(subject)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var delivery = await response.Content.ReadFromJsonAsync<RawDelivery>();
        var copy = Assert.Single(delivery!.Copies);
        Assert.Equal(SandboxAutomationKit.Approvals, copy.Mailbox);
        Assert.Equal("Inbox/FlexMail Replies", copy.FolderPath);
    }

    [Fact]
    public async Task Deliver_AMultipartMessage_KeepsEveryHeaderTheTopLevelContentTypeAndTheHtmlBody()
    {
        var mime = SandboxAutomationKit.Reply($"Hello {Guid.NewGuid():N}", to: "alex.wilber@contoso.test");
        mime.Cc.Add(MailboxAddress.Parse("someone@fabrikam.test"));

        var delivery = await portal.Get<SandboxRawDelivery>().DeliverAsync(mime, CancellationToken.None);

        var copy = Assert.Single(delivery.Copies);
        Assert.Equal("Inbox", copy.FolderPath);
        var message = await _kit.OpenAsync(copy.MessageId);
        Assert.Equal($"<{mime.MessageId}>", message.InternetMessageId);
        Assert.Equal("html", message.BodyContentType);
        Assert.Contains("<b>Approve</b>", message.Body, StringComparison.Ordinal);
        Assert.Equal("Sandbox tests", message.HeaderValue("X-Mailer"));
        Assert.StartsWith("multipart/alternative", message.HeaderValue("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("1.0", message.HeaderValue("MIME-Version"));
        Assert.Equal(mime.Headers[HeaderId.Date], message.HeaderValue("Date"));
        Assert.Equal("someone@fabrikam.test", Assert.Single(message.CcRecipients).Address);
    }

    [Fact]
    public async Task Deliver_APlainTextMessage_HasTheTextBody()
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse("orders@fabrikam.test"));
        mime.To.Add(MailboxAddress.Parse("megan.bowen@contoso.test"));
        mime.Subject = $"Plain {Guid.NewGuid():N}";
        mime.Body = new TextPart("plain") { Text = "Just text" };

        var copy = Assert.Single((await portal.Get<SandboxRawDelivery>().DeliverAsync(mime, CancellationToken.None)).Copies);

        var message = await _kit.OpenAsync(copy.MessageId);
        Assert.Equal("text", message.BodyContentType);
        Assert.Equal("Just text", message.Body);
        Assert.StartsWith("text/plain", message.HeaderValue("Content-Type"), StringComparison.Ordinal);
        Assert.Matches("^<.+>$", message.InternetMessageId);
    }

    [Fact]
    public async Task DeliverMany_AThousandMessages_FilesEveryOne()
    {
        var subjects = Enumerable.Range(0, 1000).Select(i => $"RE: [FlexMail] Batch {i} FM-BATCH-{Guid.NewGuid():N}").ToList();

        var deliveries = await portal.Get<SandboxRawDelivery>().DeliverManyAsync([.. subjects.Select(s => SandboxAutomationKit.Reply(s))], CancellationToken.None);

        Assert.Equal(1000, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("Inbox/FlexMail Replies", Assert.Single(d.Copies).FolderPath));
    }

    [Fact]
    public async Task Post_AsText_Answers415()
    {
        using var client = await _kit.ApiKeyClientAsync();

        using var response = await client.PostAsync(_kit.Url("/deliveries"), new StringContent("Subject: hi\r\n\r\nbody"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_ToNoSandboxMailbox_Answers400ProblemDetails()
    {
        using var client = await _kit.ApiKeyClientAsync();

        using var response = await client.PostAsync(_kit.Url("/deliveries"),
            SandboxAutomationKit.Rfc822(SandboxAutomationKit.Reply("Lost", to: "nobody@fabrikam.test")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("No sandbox mailbox among the recipients", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_NotMime_Answers400ProblemDetails()
    {
        using var client = await _kit.ApiKeyClientAsync();
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");

        using var response = await client.PostAsync(_kit.Url("/deliveries"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_Anonymous_Answers401()
    {
        using var client = portal.Cloud.CreateHttpClient();

        using var response = await client.PostAsync(_kit.Url("/deliveries"), SandboxAutomationKit.Rfc822(SandboxAutomationKit.Reply("Anonymous")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_AsSignedInAdmin_Answers201()
    {
        using var browser = await portal.SignInAtLocalhostAsync(SandboxSeed.MeganBowen);
        var url = new Uri($"https://localhost:{portal.HttpsAddress.Port}/sandbox/api/deliveries");

        using var response = await browser.Client.PostAsync(url, SandboxAutomationKit.Rfc822(SandboxAutomationKit.Reply($"Admin {Guid.NewGuid():N}", to: "diego.siciliani@contoso.test")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
