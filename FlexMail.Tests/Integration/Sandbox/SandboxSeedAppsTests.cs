using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.Sandbox;

/// <summary>The seeded app registrations: the portal's sign-in app with its roles and assignments, and the deployment pipeline.</summary>
public sealed class SandboxSeedAppsTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task Seed_PortalApp_HasTheFixedClientIdRolesConsentAndApplicationIdUri()
    {
        var app = (await portal.Get<SandboxAppRegistrations>().FindByClientIdAsync(SandboxPortalSignIn.ClientId, CancellationToken.None))!;
        var consent = await portal.Get<SandboxAppConsents>().ForAsync(app.Id, CancellationToken.None);

        Assert.Equal("FlexMail Portal", app.DisplayName);
        Assert.Equal(["FlexMail.Admin", "FlexMail.Approver", "FlexMail.Integrator", "FlexMail.Support"], app.AppRoles.Select(r => r.Value).Order());
        Assert.Equal("Admin: setup, settings, credentials, sandbox", app.AppRoles.Single(r => r.Value == "FlexMail.Admin").Description);
        Assert.All(app.AppRoles.Where(r => r.Value != "FlexMail.Integrator"), r => Assert.Equal(SandboxAppRoleMemberTypes.Users, r.AllowedMemberTypes));
        Assert.Equal(SandboxAppRoleMemberTypes.Applications, app.AppRoles.Single(r => r.Value == "FlexMail.Integrator").AllowedMemberTypes);
        Assert.Equal($"api://{SandboxPortalSignIn.ClientId}", app.IdentifierUri);
        Assert.False(app.AssignmentRequired);
        Assert.Equal(["User.Read"], app.DelegatedPermissions);
        Assert.True(consent.Covers(app) && consent.HasAdminConsent);
    }

    [Fact]
    public async Task Seed_PortalApp_AssignsMeganAlexAndAdele_AndNotDiegoOrLee()
    {
        var assignments = await portal.Get<SandboxEnterpriseApps>().ListUserAssignmentsAsync(SandboxPortalSignIn.ClientId, CancellationToken.None);

        Assert.Equal(
        [
            ("Adele Vance", "Approver"), ("Alex Wilber", "Support"), ("Megan Bowen", "Admin"),
        ], assignments.Select(a => (a.UserDisplayName, a.RoleDisplayName)));
    }

    [Fact]
    public async Task Seed_DeploymentPipeline_HoldsFlexMailIntegratorWithAdminConsent_AndHasNoSecret()
    {
        var apps = portal.Get<SandboxAppRegistrations>();
        var pipeline = (await apps.FindByClientIdAsync(SandboxSeedApps.PipelineClientId, CancellationToken.None))!;
        var portalApp = (await apps.FindByClientIdAsync(SandboxPortalSignIn.ClientId, CancellationToken.None))!;
        var consent = await portal.Get<SandboxAppConsents>().ForAsync(pipeline.Id, CancellationToken.None);

        Assert.Equal("Deployment pipeline", pipeline.DisplayName);
        Assert.Equal(["FlexMail.Integrator"], await portal.Get<SandboxEnterpriseApps>().ClientRolesAsync(portalApp, pipeline, CancellationToken.None));
        Assert.Equal("Granted for Contoso", consent.Describe(pipeline));
        Assert.Empty(pipeline.Secrets);
    }

    [Fact]
    public async Task Initialize_SandboxWithoutThePortalApp_WritesItAgainWithItsAssignments()
    {
        var apps = portal.Get<SandboxAppRegistrations>();
        await apps.DeleteAsync(SandboxPortalSignIn.ClientId, CancellationToken.None);

        await portal.Get<SandboxStore>().InitializeAsync(CancellationToken.None);

        Assert.NotNull(await apps.FindByClientIdAsync(SandboxPortalSignIn.ClientId, CancellationToken.None));
        await using var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();
        Assert.Equal(4, await db.RoleAssignments.CountAsync(a => a.ResourceApplicationId == SandboxSeedApps.PortalObjectId));
    }
}
