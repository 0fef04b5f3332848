using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

/// <summary>API permissions, My APIs: application permissions on another sandbox app's roles, then admin consent.</summary>
public sealed class MyApisPermissionsTests : SandboxComponentTest
{
    [Fact]
    public async Task GrantAdminConsent_WithThePortalsIntegratorRoleChecked_GrantsItToTheClient()
    {
        var client = await Sandbox<SandboxAppRegistrations>().CreateAsync("CI runner", [], CancellationToken.None);
        Context.Render<MudDialogProvider>();
        var page = Render<AppDetailsPage>(parameters => parameters.Add(p => p.ClientId, client.AppId));
        const string label = "FlexMail Portal: FlexMail.Integrator (application)";
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("label"), l => l.TextContent.Trim() == label));
        Assert.DoesNotContain(page.FindAll("label"), l => l.TextContent.Contains("FlexMail.Admin", StringComparison.Ordinal));

        page.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.Change(true);
        await Button(page, "Grant admin consent for Contoso").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Granted for Contoso", page.Find("[data-testid=consent-status]").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        var grant = await db.RoleAssignments.SingleAsync(a => a.ClientApplicationId == client.Id);
        Assert.Equal((SandboxSeedApps.PortalObjectId, SandboxSeedApps.Integrator.Id), (grant.ResourceApplicationId, grant.AppRoleId));
    }
}
