using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.MailboxAccess;

/// <summary>FlexMail's own admin consent link, opened in the sandbox tenant, returns to the callback without a state.</summary>
public sealed class AdminConsentReturnTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal);

    private SandboxAppRegistrations Registrations => portal.Get<SandboxAppRegistrations>();

    private DelegatedTokenSource Source => portal.Get<DelegatedTokenSources>().For(MailboxRole.Outgoing);

    private Uri ConsentLink(OAuthApplication application) =>
        new(AdminConsentLink.Build(portal.Endpoints, application.TenantId, application.ClientId, _scenario.RedirectUri));

    /// <summary>Authorized, then the tenant's consent removed: the next refresh stops the sign-in with AADSTS65001.</summary>
    private async Task<OAuthApplication> SetUpStoppedByMissingConsentAsync()
    {
        var application = await _scenario.SetUpAuthorizedAsync();
        await Registrations.RevokeConsentAsync(Guid.Parse(application.ClientId), CancellationToken.None);
        await Assert.ThrowsAsync<TokenAcquisitionException>(() => Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None));
        var stopped = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, stopped!.Status);
        Assert.Contains("(AADSTS65001)", stopped.StatusReason);
        return application;
    }

    private async Task<AuthorizationOutcome> OpenConsentLinkAsync(OAuthApplication application, string button)
    {
        using var browser = await portal.SignInAtLocalhostAsync();
        var step = await browser.SubmitAsync(await browser.OpenAsync(ConsentLink(application)), button);
        Assert.NotNull(step.Location);
        Assert.Equal(_scenario.RedirectUri, step.Location.GetLeftPart(UriPartial.Path));
        return await _scenario.CallbackAsync(browser, step.Location);
    }

    [Fact]
    public async Task AdminConsent_Accepted_SaysConsentWasGrantedAndResumesTheSignInItHadStopped()
    {
        var application = await SetUpStoppedByMissingConsentAsync();

        var outcome = await OpenConsentLinkAsync(application, "Accept");

        Assert.True(outcome.Succeeded, $"{outcome.Message} {outcome.Fix}");
        Assert.Equal(AuthorizationOutcomeKind.AdminConsent, outcome.Kind);
        Assert.Contains($"Admin consent was granted for the tenant {SandboxTenant.TenantId}", outcome.Message);
        Assert.Contains("works again", outcome.Message);
        Assert.DoesNotContain("state", outcome.Message);
        Assert.Null(outcome.Fix);
        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.Authorized, saved!.Status);
        Assert.Null(saved.StatusReason);
        Assert.False(string.IsNullOrEmpty(await Source.GetAccessTokenAsync(CancellationToken.None)));
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        Assert.Contains(await db.AuditEvents.Select(e => e.Details).ToListAsync(), details => details != null && details.Contains("Admin consent was granted"));
    }

    [Fact]
    public async Task AdminConsent_AcceptedButTheSignInWasRevokedToo_SaysAuthorizeIsStillNeeded()
    {
        var application = await SetUpStoppedByMissingConsentAsync();
        await portal.Get<SandboxDirectory>().RevokeSessionsAsync(SandboxSeed.ServiceUser.Id, CancellationToken.None);

        var outcome = await OpenConsentLinkAsync(application, "Accept");

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("Admin consent was granted", outcome.Message);
        Assert.Contains("still does not work", outcome.Message);
        Assert.Contains("Authorize is still needed: click Re-Authorize for the SMTP User and sign in as svc-flexmail@contoso.test", outcome.Fix);
        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, saved!.Status);
        Assert.Contains("AADSTS50173", saved.StatusReason);
    }

    [Fact]
    public async Task AdminConsent_Cancelled_SaysConsentWasNotGrantedAndHowToGrantIt()
    {
        var application = await SetUpStoppedByMissingConsentAsync();

        var outcome = await OpenConsentLinkAsync(application, "Cancel");

        Assert.False(outcome.Succeeded);
        Assert.Equal(AuthorizationOutcomeKind.AdminConsent, outcome.Kind);
        Assert.Contains("Admin consent was not granted", outcome.Message);
        Assert.DoesNotContain("state", outcome.Message);
        Assert.Contains("sign in as an administrator of the tenant", outcome.Fix);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, (await _scenario.FindAsync(application))!.Status);
    }
}
