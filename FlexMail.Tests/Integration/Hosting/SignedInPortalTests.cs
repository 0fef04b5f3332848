using System.Net;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>The portal's pages as a signed-in person gets them over HTTP (server-rendered before the circuit starts).</summary>
public sealed class SignedInPortalTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task Dashboard_IsServerRendered_WithTheProductNameTheSignedInPersonAndSetupState()
    {
        using var megan = await portal.SignInAsync(SandboxSeed.MeganBowen);

        var dashboard = await megan.OpenAsync(portal.HttpsAddress);

        Assert.Contains("FlexMail", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen · Admin", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Email is not configured yet.", dashboard.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_SignedIn_ShowsTheNotFoundPage()
    {
        using var megan = await portal.SignInAsync(SandboxSeed.MeganBowen);

        var page = await megan.OpenAsync(new Uri(portal.HttpsAddress, "/no-such-page"));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_Anonymous_IsSentToSignInWithoutSayingWhetherItExists()
    {
        using var browser = new Support.Sandbox.SandboxSignIn(portal);
        browser.Client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var step = await browser.GetAsync(new Uri(portal.HttpsAddress, "/no-such-page"));

        Assert.Equal(HttpStatusCode.Redirect, step.Status);
        Assert.EndsWith("/oauth2/v2.0/authorize", step.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
