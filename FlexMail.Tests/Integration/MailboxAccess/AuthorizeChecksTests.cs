using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.MailboxAccess;

/// <summary>What Authorize and the token source refuse after a sign-in that worked: too few permissions, no refresh token, an unreadable cache.</summary>
public sealed class AuthorizeChecksTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal);

    [Fact]
    public async Task Callback_PermissionNoLongerConsented_NamesItWithTheConsentLinkAndStoresNothing()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();
        var callback = await browser.SignInAsync(await _scenario.StartAsync(browser), SandboxSeed.ServiceUser);
        // Meanwhile an administrator removed Mail.Send from the registration and granted consent again.
        var registrations = portal.Get<SandboxAppRegistrations>();
        var clientId = Guid.Parse(application.ClientId);
        await registrations.SetPermissionsAsync(clientId, AuthorizeScenario.DelegatedPermissions.Where(p => p != "Mail.Send"), [], CancellationToken.None);
        await registrations.GrantAdminConsentAsync(clientId, CancellationToken.None);

        var outcome = await _scenario.CallbackAsync(browser, callback);

        Assert.False(outcome.Succeeded);
        Assert.Equal(["Mail.Send"], outcome.MissingScopes);
        Assert.Contains("these permissions were not granted: Mail.Send", outcome.Message);
        Assert.NotNull(outcome.AdminConsentLink);
        Assert.Contains($"client_id={application.ClientId}", outcome.AdminConsentLink);
        Assert.Contains(outcome.AdminConsentLink, outcome.Fix);
        Assert.Null(await _scenario.FindAsync(application));
    }

    [Fact]
    public async Task Callback_NoRefreshTokenIssued_IsRefusedNamingOfflineAccessAndStoresNothing()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();
        var authorize = await _scenario.StartAsync(browser);
        // Entra ID issues a refresh token only for offline_access: sign in as if it had not been granted.
        var query = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query["scope"] = string.Join(' ', query["scope"]!.Split(' ').Where(scope => scope != "offline_access"));
        var withoutOfflineAccess = new Uri(QueryHelpers.AddQueryString(authorize.GetLeftPart(UriPartial.Path), query));

        var outcome = await _scenario.CallbackAsync(browser, await browser.SignInAsync(withoutOfflineAccess, SandboxSeed.ServiceUser));

        Assert.False(outcome.Succeeded);
        Assert.Contains("issued no refresh token", outcome.Message);
        Assert.Equal(["offline_access"], outcome.MissingScopes);
        Assert.Contains("offline_access", outcome.Fix);
        Assert.Null(await _scenario.FindAsync(application));
    }

    [Fact]
    public async Task Callback_VerifierProtectedWithAKeyThatIsGone_IsRefusedSayingToAuthorizeAgain()
    {
        var application = await _scenario.SetUpAsync();
        using var browser = await portal.SignInAtLocalhostAsync();
        var callback = await browser.SignInAsync(await _scenario.StartAsync(browser), SandboxSeed.ServiceUser);
        // The key ring changed between the start and the callback.
        var foreign = new EphemeralDataProtectionProvider().CreateProtector("FlexMail.Secrets").Protect("verifier");
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            await db.PendingAuthorizations.ExecuteUpdateAsync(set => set.SetProperty(p => p.ProtectedCodeVerifier, foreign));
        }

        var outcome = await _scenario.CallbackAsync(browser, callback);

        Assert.False(outcome.Succeeded);
        Assert.Contains("data-protection keys changed", outcome.Message);
        Assert.Equal("Click Authorize (or Re-Authorize) again.", outcome.Fix);
        Assert.Null(await _scenario.FindAsync(application));
    }

    [Fact]
    public async Task GetAccessToken_CacheProtectedWithAKeyThatIsGone_MarksNeedsReauthorizationInPlainWords()
    {
        var application = await _scenario.SetUpAsync();
        await _scenario.AuthorizeServiceUserAsync();
        // A cache protected by another key ring (as after the key-encryption certificate was replaced).
        var foreign = new EphemeralDataProtectionProvider().CreateProtector("FlexMail.Secrets").Protect("eyJ9");
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            await db.MailboxAuthorizations.Where(a => a.OAuthApplicationId == application.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.ProtectedTokenCache, foreign));
        }
        var source = portal.Get<DelegatedTokenSources>().For(MailboxRole.Outgoing);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));

        Assert.True(error.Failure.NeedsReauthorization);
        Assert.Equal("The saved sign-in can no longer be read (the data-protection keys changed): Re-Authorize.", error.Failure.Cause);
        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, saved!.Status);
        Assert.Equal(DelegatedTokenSource.UnreadableCache, saved.StatusReason);
        var next = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));
        Assert.Contains("must be authorized again", next.Failure.Cause);
    }
}
