using System.Net;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Sandbox;

/// <summary>The mail client's frame document: the message's HTML under a policy that loads nothing remote until asked.</summary>
public sealed class SandboxMailBodyEndpointTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string TrackedHtml = """<p>Hello</p><img src="https://tracker.example/pixel.gif">""";

    [Theory]
    [InlineData(false, "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'")]
    [InlineData(true, "default-src 'none'; img-src data: cid: https:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'")]
    public async Task Body_AsAdmin_ServesTheHtmlUnderItsOwnPolicy(bool remoteImages, string policy)
    {
        var id = await DeliverHtmlAsync();
        using var browser = await portal.SignInAtLocalhostAsync();

        using var response = await browser.Client.GetAsync(new Uri(new Uri($"https://localhost:{portal.HttpsAddress.Port}/"), SandboxMailBodyEndpoint.Url(id, remoteImages)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TrackedHtml, await response.Content.ReadAsStringAsync());
        Assert.Equal(policy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("SAMEORIGIN", string.Join(", ", response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Body_Anonymous_IsNotServed()
    {
        var id = await DeliverHtmlAsync();
        using var client = portal.Cloud.CreateHttpClient();

        using var response = await client.GetAsync(new Uri(portal.HttpsAddress, SandboxMailBodyEndpoint.Url(id, remoteImages: false)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("tracker.example", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> DeliverHtmlAsync()
    {
        var subject = $"Newsletter {Guid.NewGuid():N}";
        await portal.Get<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(SandboxSeed.ServiceUser.Id,
            new SandboxAddress("Fabrikam News", "news@fabrikam.test"), [new SandboxAddress("Adele Vance", SandboxSeed.AdeleVance.Mail!)],
            subject, "html", TrackedHtml) { SaveToSentItems = false }, CancellationToken.None);
        var folders = await portal.Get<SandboxMailbox>().ListFoldersAsync(SandboxSeed.AdeleVance.Id, CancellationToken.None);
        var inbox = folders.Single(f => f.WellKnownName == WellKnownFolders.Inbox);
        var messages = await portal.Get<SandboxMailbox>().ListMessagesAsync(inbox.Id, CancellationToken.None);
        return messages.Single(m => m.Subject == subject).Id;
    }
}
