using FlexMail.Domain.Audit;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.MailboxAccess;

/// <summary>A sign-in stopped by the application's expired secret resumes when a new secret is saved; one stopped by the user's sign-in does not.</summary>
public sealed class CredentialRefusalTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal);

    private SandboxAppRegistrations Registrations => portal.Get<SandboxAppRegistrations>();

    private DelegatedTokenSource Source => portal.Get<DelegatedTokenSources>().For(MailboxRole.Outgoing);

    private async Task ExpireSecretAndUseAsync(OAuthApplication application)
    {
        var app = await Registrations.FindByClientIdAsync(Guid.Parse(application.ClientId), CancellationToken.None);
        await Registrations.ExpireSecretAsync(Assert.Single(app!.Secrets).Id, CancellationToken.None);
        await Assert.ThrowsAsync<TokenAcquisitionException>(() => Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None));
    }

    private async Task SaveNewSecretAsync(OAuthApplication application)
    {
        var secret = await Registrations.AddSecretAsync(Guid.Parse(application.ClientId), "FlexMail 2", SandboxAppRegistrations.DefaultSecretLifetime,
            CancellationToken.None);
        var applications = portal.Get<OAuthApplicationService>();
        var draft = (await applications.GetDraftAsync(application.Id, CancellationToken.None))!;
        draft.ClientSecret = secret.Value;
        Assert.True((await applications.SaveAsync(draft, AuthorizeScenario.Actor, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task SaveNewSecret_AfterTheOldOneExpired_ResumesTheSavedSignIn()
    {
        var application = await _scenario.SetUpAuthorizedAsync();
        await ExpireSecretAndUseAsync(application);
        var (_, problem) = await portal.Get<MailboxConnections>().ForRoleAsync(MailboxRole.Outgoing, CancellationToken.None);
        Assert.Contains("AADSTS7000222", problem!.Cause);
        Assert.Contains("Save a new client secret", problem.Fix);

        await SaveNewSecretAsync(application);

        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.Authorized, saved!.Status);
        Assert.Null(saved.StatusReason);
        Assert.False(string.IsNullOrEmpty(await Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None)));
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        Assert.Contains(await db.AuditEvents.Select(e => e.Action).ToListAsync(), action => action == "Mailbox authorization resumed");
    }

    [Fact]
    public async Task SaveNewSecret_AfterTheSessionsWereRevoked_StillNeedsReauthorization()
    {
        var application = await _scenario.SetUpAuthorizedAsync();
        await portal.Get<SandboxDirectory>().RevokeSessionsAsync(SandboxSeed.ServiceUser.Id, CancellationToken.None);
        await Assert.ThrowsAsync<TokenAcquisitionException>(() => Source.GetAccessTokenAsync(forceRefresh: true, CancellationToken.None));

        await SaveNewSecretAsync(application);

        var saved = await _scenario.FindAsync(application);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, saved!.Status);
        Assert.Contains("AADSTS50173", saved.StatusReason);
    }
}
