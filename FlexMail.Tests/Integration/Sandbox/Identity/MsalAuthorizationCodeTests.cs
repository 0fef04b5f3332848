using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>The authorization code flow with PKCE, driven through MSAL unchanged, and what follows from it.</summary>
public sealed class MsalAuthorizationCodeTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly string[] Scopes = ["User.Read", "Mail.Send"];
    private readonly MsalFactory _msal = new(portal);

    [Fact]
    public async Task AuthorizationCode_WithPkceAfterSignInAndConsent_CachesAccountWithGrantedScopes()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var msal = _msal.Create(app);

        var result = await SignInAndRedeemAsync(msal, app, SandboxSeed.AdeleVance);

        Assert.Equal("adele.vance@contoso.test", result.Account.Username);
        Assert.Equal($"{SandboxSeed.AdeleVance.Id}.{SandboxTenant.TenantId}", result.Account.HomeAccountId.Identifier);
        Assert.Equal(SandboxSeed.AdeleVance.Id.ToString(), result.UniqueId);
        var token = new JsonWebToken(result.AccessToken);
        Assert.Equal(["Mail.Send", "User.Read"], token.GetClaim("scp").Value.Split(' ').Order());
        Assert.Equal(SandboxTenant.GraphResource, token.GetClaim("aud").Value);
        var cached = await msal.GetAccountAsync(result.Account.HomeAccountId.Identifier);
        Assert.Equal("adele.vance@contoso.test", cached?.Username);
    }

    [Fact]
    public async Task SilentForceRefresh_AfterSignIn_ReturnsNewRefreshToken()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var cache = new TokenCacheRecorder();
        var msal = _msal.Create(app, cache);
        var first = await SignInAndRedeemAsync(msal, app, SandboxSeed.AlexWilber);
        var before = Assert.Single(cache.RefreshTokens);

        var refreshed = await msal.AcquireTokenSilent(Scopes, first.Account).WithForceRefresh(true).ExecuteAsync();

        var after = Assert.Single(cache.RefreshTokens);
        Assert.NotEqual(before, after);
        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.Equal(TokenSource.IdentityProvider, refreshed.AuthenticationResultMetadata.TokenSource);
    }

    [Fact]
    public async Task SilentForceRefresh_AfterSessionsRevoked_FailsWithAadsts50173()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var msal = _msal.Create(app);
        var signedIn = await SignInAndRedeemAsync(msal, app, SandboxSeed.MeganBowen);

        await portal.Get<SandboxDirectory>().RevokeSessionsAsync(SandboxSeed.MeganBowen.Id, CancellationToken.None);
        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(() =>
            msal.AcquireTokenSilent(Scopes, signedIn.Account).WithForceRefresh(true).ExecuteAsync());

        Assert.Contains("AADSTS50173", error.Message, StringComparison.Ordinal);
        Assert.Equal("invalid_grant", error.ErrorCode);
    }

    [Fact]
    public async Task SilentForceRefresh_AfterRefreshTokenExpired_FailsWithAadsts700082()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var msal = _msal.Create(app);
        var signedIn = await SignInAndRedeemAsync(msal, app, SandboxSeed.DiegoSiciliani);

        await portal.Get<SandboxDirectory>().ExpireRefreshTokensAsync(SandboxSeed.DiegoSiciliani.Id, CancellationToken.None);
        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(() =>
            msal.AcquireTokenSilent(Scopes, signedIn.Account).WithForceRefresh(true).ExecuteAsync());

        Assert.Contains("AADSTS700082", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentRequest_ForScopeNotConsented_FailsWithConsentRequiredAadsts65001()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var msal = _msal.Create(app);
        var signedIn = await SignInAndRedeemAsync(msal, app, SandboxSeed.ServiceUser);

        var error = await Assert.ThrowsAsync<MsalUiRequiredException>(() =>
            msal.AcquireTokenSilent(["https://graph.microsoft.com/Mail.ReadWrite"], signedIn.Account).ExecuteAsync());

        Assert.Contains("AADSTS65001", error.Message, StringComparison.Ordinal);
        Assert.Equal(UiRequiredExceptionClassification.ConsentRequired, error.Classification);
    }

    [Fact]
    public async Task AuthorizationCode_RedeemedTwice_FailsWithAadsts54005()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var (code, verifier) = await SignInAsync(_msal.Create(app), app, SandboxSeed.AdeleVance);
        await _msal.Create(app).AcquireTokenByAuthorizationCode(Scopes, code).WithPkceCodeVerifier(verifier).ExecuteAsync();

        var error = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            _msal.Create(app).AcquireTokenByAuthorizationCode(Scopes, code).WithPkceCodeVerifier(verifier).ExecuteAsync());

        Assert.Contains("AADSTS54005", error.Message, StringComparison.Ordinal);
        Assert.Equal("invalid_grant", error.ErrorCode);
    }

    [Fact]
    public async Task AuthorizationCode_AfterItsTenMinutes_FailsWithAadsts70008()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var msal = _msal.Create(app);
        var (code, verifier) = await SignInAsync(msal, app, SandboxSeed.AlexWilber);
        await using (var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.AuthorizationCodes.SingleAsync(c => c.Id == SandboxGrants.Hash(code));
            Assert.Equal(SandboxGrants.CodeLifetime, stored.ExpiresAt - stored.IssuedAt);
            stored.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            msal.AcquireTokenByAuthorizationCode(Scopes, code).WithPkceCodeVerifier(verifier).ExecuteAsync());

        Assert.Contains("AADSTS70008", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationCode_WithWrongPkceVerifier_FailsWithAadsts501481()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var msal = _msal.Create(app);
        var (code, _) = await SignInAsync(msal, app, SandboxSeed.AdeleVance);

        var error = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            msal.AcquireTokenByAuthorizationCode(Scopes, code).WithPkceCodeVerifier(new string('x', 43)).ExecuteAsync());

        Assert.Contains("AADSTS501481", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WithRedirectUriNotRegistered_ShowsAadsts50011PageNamingTheUri()
    {
        var app = await SandboxTestApp.CreateAsync(portal, Scopes);
        var url = await _msal.Create(app).GetAuthorizationRequestUrl(Scopes).WithRedirectUri("https://elsewhere.test/callback").ExecuteAsync();
        using var browser = new SandboxSignIn(portal);

        var page = await browser.OpenAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("AADSTS50011", page.Text, StringComparison.Ordinal);
        Assert.Contains("'https://elsewhere.test/callback'", page.Text, StringComparison.Ordinal);
        Assert.Contains("Redirect URIs of the app registration", page.Text, StringComparison.Ordinal);
        Assert.False(page.HasButton("Sign in"));
    }

    [Fact]
    public async Task MsalAuthority_UnderTheSandboxLoginPath_IsCutToItsFirstSegment_AndToldTenantSandboxIsNotFound()
    {
        // MSAL keeps only the first path segment of an authority: https://host/sandbox/login/{tid} becomes tenant "sandbox".
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"], adminConsent: true);
        var msal = _msal.Create(app, authority: portal.Authority(SandboxTenant.TenantId.ToString()));

        var error = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            msal.AcquireTokenForClient([$"{SandboxTenant.GraphResource}/.default"]).ExecuteAsync());

        Assert.Contains("AADSTS90002: Tenant 'sandbox' not found.", error.Message, StringComparison.Ordinal);
    }

    private async Task<AuthenticationResult> SignInAndRedeemAsync(IConfidentialClientApplication msal, SandboxTestApp app, SandboxUser user)
    {
        var (code, verifier) = await SignInAsync(msal, app, user);
        return await msal.AcquireTokenByAuthorizationCode(Scopes, code).WithPkceCodeVerifier(verifier).ExecuteAsync();
    }

    private async Task<(string Code, string Verifier)> SignInAsync(IConfidentialClientApplication msal, SandboxTestApp app, SandboxUser user)
    {
        var url = await msal.GetAuthorizationRequestUrl(Scopes).WithPkce(out var verifier).ExecuteAsync();
        using var browser = new SandboxSignIn(portal);

        var redirect = await browser.SignInAsync(url, user);

        Assert.StartsWith(app.RedirectUri + "?", redirect.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(redirect.Query);
        Assert.False(query.ContainsKey("error"), query.TryGetValue("error_description", out var description) ? description.ToString() : "");
        return (query["code"].ToString(), verifier);
    }
}
