using System.Net;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>The end-session endpoint: back to a registered post_logout_redirect_uri with state, never to another address.</summary>
public sealed class SandboxLogoutTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string SignedOutCallback = "https://localhost:7443/signout-callback-oidc";

    [Fact]
    public async Task Logout_RegisteredPostLogoutRedirectUriOfTheClientId_RedirectsThereWithState()
    {
        var app = await AppWithRedirectUriAsync(SignedOutCallback);
        using var browser = new SandboxSignIn(portal);

        var step = await browser.GetAsync(LogoutUrl(new() { ["client_id"] = app.AppId.ToString(), ["post_logout_redirect_uri"] = SignedOutCallback, ["state"] = "xyz 123" }));

        Assert.Equal(HttpStatusCode.Redirect, step.Status);
        Assert.Equal($"{SignedOutCallback}?state=xyz%20123", step.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task Logout_RegisteredPostLogoutRedirectUriOfTheIdTokenHintsAudience_RedirectsThere()
    {
        var app = await AppWithRedirectUriAsync(SignedOutCallback);
        var hint = await portal.Get<SandboxTokenService>().IssueIdTokenAsync(portal.Endpoints.AuthorityHost, app.AppId, SandboxSeed.MeganBowen.Id,
            SandboxSeed.MeganBowen.UserPrincipalName, SandboxSeed.MeganBowen.DisplayName, null, [], CancellationToken.None);
        using var browser = new SandboxSignIn(portal);

        var step = await browser.GetAsync(LogoutUrl(new() { ["id_token_hint"] = hint, ["post_logout_redirect_uri"] = SignedOutCallback, ["state"] = "s1" }));

        Assert.Equal(new Uri($"{SignedOutCallback}?state=s1"), step.Location);
    }

    [Fact]
    public async Task Logout_UnregisteredPostLogoutRedirectUri_ShowsTheSignedOutPageWithoutRedirect()
    {
        var app = await AppWithRedirectUriAsync(SignedOutCallback);
        using var browser = new SandboxSignIn(portal);

        var step = await browser.GetAsync(LogoutUrl(new() { ["client_id"] = app.AppId.ToString(), ["post_logout_redirect_uri"] = "https://evil.example/steal", ["state"] = "s" }));

        Assert.Null(step.Location);
        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.Equal("You signed out of your account", step.Page!.Heading);
        Assert.Contains("it is not a redirect URI of the app registration", step.Page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithoutClientIdOrIdTokenHint_ShowsTheSignedOutPageWithoutRedirect()
    {
        await AppWithRedirectUriAsync(SignedOutCallback);
        using var browser = new SandboxSignIn(portal);

        var step = await browser.GetAsync(LogoutUrl(new() { ["post_logout_redirect_uri"] = SignedOutCallback }));

        Assert.Null(step.Location);
        Assert.Equal("You signed out of your account", step.Page!.Heading);
    }

    [Fact]
    public async Task Logout_ClientIdAndIdTokenHintNameDifferentApps_ShowsTheSignedOutPage()
    {
        var app = await AppWithRedirectUriAsync(SignedOutCallback);
        var other = await AppWithRedirectUriAsync("https://other.contoso.test/signout-callback-oidc");
        var hint = await portal.Get<SandboxTokenService>().IssueIdTokenAsync(portal.Endpoints.AuthorityHost, other.AppId, SandboxSeed.MeganBowen.Id,
            SandboxSeed.MeganBowen.UserPrincipalName, SandboxSeed.MeganBowen.DisplayName, null, [], CancellationToken.None);
        using var browser = new SandboxSignIn(portal);

        var step = await browser.GetAsync(LogoutUrl(new() { ["client_id"] = app.AppId.ToString(), ["id_token_hint"] = hint, ["post_logout_redirect_uri"] = SignedOutCallback }));

        Assert.Null(step.Location);
    }

    private async Task<SandboxApplication> AppWithRedirectUriAsync(string redirectUri) =>
        await portal.Get<SandboxAppRegistrations>().CreateAsync($"Logout test {Guid.NewGuid():N}", [redirectUri], CancellationToken.None);

    private Uri LogoutUrl(Dictionary<string, string?> query) =>
        new(QueryHelpers.AddQueryString(portal.IdentityUrl(SandboxTenant.TenantId.ToString(), "oauth2/v2.0/logout").ToString(), query));
}
