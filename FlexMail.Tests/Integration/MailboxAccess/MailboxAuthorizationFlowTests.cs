using System.Text;
using System.Text.Json;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.Security;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.MailboxAccess;

public sealed class MailboxAuthorizationFlowTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal);

    [Fact]
    public async Task Authorize_ServiceUserSignsIn_SavesAuthorizedWithScopesAndProtectedCache()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();

        var outcome = await _scenario.AuthorizeAsync(browser, SandboxSeed.ServiceUser);

        Assert.True(outcome.Succeeded, $"{outcome.Message} {outcome.Fix}");
        var saved = await _scenario.FindAsync(application);
        Assert.NotNull(saved);
        Assert.Equal(AuthorizationStatus.Authorized, saved.Status);
        Assert.Equal(MailboxRole.Outgoing, saved.Role);
        Assert.Equal("svc-flexmail@contoso.test", saved.UserPrincipalName);
        // The token carries every permission the tenant consented to, not only the two FlexMail asked for.
        Assert.Equal(AuthorizeScenario.DelegatedPermissions.Order(StringComparer.OrdinalIgnoreCase), saved.GrantedScopes!.Split(' '));
        // Recorded as the signed-in person who clicked Authorize, not as the mailbox user who signed in at Entra ID.
        Assert.Equal((SandboxSeed.MeganBowen.DisplayName, SandboxSeed.MeganBowen.Id.ToString()), (saved.AuthorizedBy, saved.AuthorizedById));
        Assert.DoesNotContain("RefreshToken", saved.ProtectedTokenCache!, StringComparison.Ordinal);
        var cache = Encoding.UTF8.GetString(Convert.FromBase64String(portal.Get<ISecretProtector>().Unprotect(saved.ProtectedTokenCache!)));
        Assert.Contains("\"RefreshToken\"", cache, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RedirectsToTheTenantsAuthorizeEndpointWithHintPkceAndExactRedirectUri()
    {
        await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();

        var url = await _scenario.StartAsync(browser);

        Assert.StartsWith(portal.Endpoints.Authority(SandboxTenant.TenantId.ToString()) + "/oauth2/v2.0/authorize?", url.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal(_scenario.RedirectUri, query["redirect_uri"].ToString());
        Assert.Equal("select_account", query["prompt"].ToString());
        Assert.Equal("svc-flexmail@contoso.test", query["login_hint"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Contains("offline_access", query["scope"].ToString().Split(' '));
    }

    [Fact]
    public async Task Start_ReturnUrlOfAnotherSite_IsRefusedWithAPlainMessage()
    {
        await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();

        var step = await browser.GetAsync(new Uri($"https://localhost:{portal.HttpsAddress.Port}/oauth/authorize?role=Outgoing&returnUrl=%2F%2Fevil.example%2F"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, step.Status);
        Assert.Contains("must be a page of this portal", step.Page!.Text);
    }

    [Theory]
    [InlineData("/café")]
    [InlineData("/\uFF0F\uFF0Fevil.example")]
    [InlineData("/settings\u2028email")]
    public async Task Start_ReturnUrlNotPlainAscii_IsRefusedWithItsCodeBeforeSignIn(string returnUrl)
    {
        await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();

        var response = await browser.Client.GetAsync(new Uri(
            $"{_scenario.BaseUrl}/oauth/authorize?role=Outgoing&returnUrl={Uri.EscapeDataString(returnUrl)}"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ReturnUrlNotEncoded", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("percent-encode", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Callback_StoredReturnUrlNotPlainAscii_RedirectsToTheDefaultPageAfterRedeeming()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();
        var callback = await browser.SignInAsync(await _scenario.StartAsync(browser), SandboxSeed.ServiceUser);
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            // A row written before the start refused such addresses.
            await db.PendingAuthorizations.Where(p => p.OAuthApplicationId == application.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ReturnUrl, "/caf\u00E9\u2028"));
        }

        var outcome = await _scenario.CallbackAsync(browser, callback);

        Assert.True(outcome.Succeeded, $"{outcome.Message} {outcome.Fix}");
        Assert.NotNull(await _scenario.FindAsync(application));
    }

    [Fact]
    public async Task Start_WithoutRole_AnswersProblemDetailsWithItsCode()
    {
        using var browser = await portal.SignInAtLocalhostAsync();

        var response = await browser.Client.GetAsync(new Uri($"https://localhost:{portal.HttpsAddress.Port}/oauth/authorize"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Authorize cannot start", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("role=Outgoing or role=Incoming", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("RoleRequired", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Start_ApplicationWithApplicationPermissions_IsRefusedSayingThereIsNothingToAuthorize()
    {
        await _scenario.SetUpAsync(mode: FlexMail.Domain.OAuthApps.PermissionMode.Application);
        using var browser = await portal.SignInAtLocalhostAsync();

        var step = await browser.GetAsync(new Uri($"{_scenario.BaseUrl}/oauth/authorize?role=Outgoing"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, step.Status);
        Assert.Contains("uses application permissions", step.Page!.Text);
        Assert.Contains("nothing to authorize", step.Page.Text);
    }

    [Fact]
    public async Task Callback_DifferentUserSignsIn_IsRefusedNamingBothAndStoresNothing()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();

        var outcome = await _scenario.AuthorizeAsync(browser, SandboxSeed.DiegoSiciliani);

        Assert.False(outcome.Succeeded);
        Assert.Contains("You signed in as diego.siciliani@contoso.test", outcome.Message);
        Assert.Contains("svc-flexmail@contoso.test", outcome.Message);
        Assert.Contains("Use another account", outcome.Fix);
        Assert.Null(await _scenario.FindAsync(application));
    }

    [Fact]
    public async Task Callback_SameStateTwice_SecondIsRefusedAsAlreadyUsed()
    {
        await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();
        var callback = await browser.SignInAsync(await _scenario.StartAsync(browser), SandboxSeed.ServiceUser);
        Assert.True((await _scenario.CallbackAsync(browser, callback)).Succeeded);

        var replay = await _scenario.CallbackAsync(browser, callback);

        Assert.False(replay.Succeeded);
        Assert.Contains("already used", replay.Message);
        Assert.Equal("Click Authorize (or Re-Authorize) again.", replay.Fix);
    }

    [Fact]
    public async Task Callback_AfterTheStateExpired_IsRefusedAsExpiredAndStoresNothing()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();
        var callback = await browser.SignInAsync(await _scenario.StartAsync(browser), SandboxSeed.ServiceUser);
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            await db.PendingAuthorizations.Where(p => p.OAuthApplicationId == application.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var outcome = await _scenario.CallbackAsync(browser, callback);

        Assert.False(outcome.Succeeded);
        Assert.Contains("expired", outcome.Message);
        Assert.Null(await _scenario.FindAsync(application));
    }

    [Fact]
    public async Task Callback_FromABrowserWithoutTheCookie_IsRefusedAndStoresNothing()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();
        var callback = await browser.SignInAsync(await _scenario.StartAsync(browser), SandboxSeed.ServiceUser);
        using var otherBrowser = await portal.SignInAtLocalhostAsync();

        var outcome = await _scenario.CallbackAsync(otherBrowser, callback);

        Assert.False(outcome.Succeeded);
        Assert.Contains("started in another browser", outcome.Message);
        Assert.Null(await _scenario.FindAsync(application));
    }

    [Fact]
    public async Task Callback_UserDeclinesConsent_NamesThePermissionsAndTheAdminConsentLink()
    {
        var application = await _scenario.SetUpAsync(adminConsent: false);
        using var browser = await portal.SignInAtLocalhostAsync();
        var consent = (await browser.SubmitAsync(await browser.OpenAsync(await _scenario.StartAsync(browser)), "Sign in", SandboxSeed.ServiceUser.Id)).Page;
        Assert.NotNull(consent);

        var declined = await browser.SubmitAsync(consent, "Cancel");
        var outcome = await _scenario.CallbackAsync(browser, declined.Location!);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Mail.Send", outcome.Message);
        Assert.Contains("User.Read", outcome.MissingScopes!);
        Assert.NotNull(outcome.AdminConsentLink);
        // The sandbox tenant's own consent endpoint, not Microsoft's: the link works where the sign-in happened.
        Assert.StartsWith($"{_scenario.BaseUrl}/{SandboxTenant.TenantId}/v2.0/adminconsent?client_id={application.ClientId}", outcome.AdminConsentLink);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.OpenAsync(new Uri(outcome.AdminConsentLink))).Status);
        // The link is its own button: the long URL is not in the text, and Entra ID's ids are a details line of their own.
        Assert.DoesNotContain(outcome.AdminConsentLink, outcome.Fix);
        Assert.DoesNotContain("Trace ID", outcome.Message + outcome.Fix);
        Assert.StartsWith("Trace ID: ", outcome.Trace);
        Assert.Null(await _scenario.FindAsync(application));
    }
}
