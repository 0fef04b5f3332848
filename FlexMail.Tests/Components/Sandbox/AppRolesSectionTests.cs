using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

/// <summary>App roles and Expose an API on the app details page.</summary>
public sealed class AppRolesSectionTests : SandboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private SandboxApplication _app = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = await Sandbox<SandboxAppRegistrations>().CreateAsync("Contoso API", [], CancellationToken.None);
    }

    private IRenderedComponent<AppDetailsPage> RenderPage(Guid? clientId = null)
    {
        _dialogs ??= Context.Render<MudDialogProvider>();
        var page = Render<AppDetailsPage>(parameters => parameters.Add(p => p.ClientId, clientId ?? _app.AppId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=app-name]")));
        return page;
    }

    [Fact]
    public async Task CreateAppRole_WithEveryField_AddsTheRoleToTheListAndTheApp()
    {
        var page = RenderPage();

        Button(page, "Create app role").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Display name").Input("Reader"));
        InputLabelled(_dialogs, "Value").Input("Contoso.Read");
        InputLabelled(_dialogs, "Description").Input("Reads everything");
        _dialogs.FindAll("label").Single(l => l.TextContent.Trim() == "Applications").QuerySelector("input")!.Change(true);
        await Button(_dialogs, "Create").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Contoso.Read", page.Find("[data-testid=app-roles]").TextContent));
        Assert.Contains("Users/Groups, Applications", page.Find("tr[data-row='Contoso.Read']").TextContent);
        var role = Assert.Single((await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(_app.AppId, CancellationToken.None))!.AppRoles);
        Assert.Equal(("Reader", "Contoso.Read", "Reads everything", SandboxAppRoleMemberTypes.Both),
            (role.DisplayName, role.Value, role.Description, role.AllowedMemberTypes));
    }

    [Fact]
    public async Task CreateAppRole_ValueWithSpaces_IsRefusedKeepingTheInput()
    {
        var page = RenderPage();

        Button(page, "Create app role").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Display name").Input("Reader"));
        InputLabelled(_dialogs, "Value").Input("Contoso Read");
        InputLabelled(_dialogs, "Description").Input("Reads everything");
        await Button(_dialogs, "Create").ClickAsync(new());

        _dialogs.WaitForAssertion(() => Assert.Contains("contains spaces", _dialogs.Markup));
        Assert.Equal("Contoso Read", InputLabelled(_dialogs, "Value").GetAttribute("value"));
        Assert.Empty((await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(_app.AppId, CancellationToken.None))!.AppRoles);
    }

    [Fact]
    public async Task DeleteAppRole_AsksFirst_KeepItKeepsIt_ConfirmRemovesItAndItsAssignments()
    {
        var page = RenderPage(SandboxPortalSignIn.ClientId);
        AngleSharp.Dom.IElement DeleteAdmin() => page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Delete app role FlexMail.Admin");

        DeleteAdmin().Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Delete the app role Admin (FlexMail.Admin)?", _dialogs.Markup));
        Button(_dialogs, "Keep it").Click();
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll(".mud-dialog")));
        Assert.Contains("FlexMail.Admin", page.Find("[data-testid=app-roles]").TextContent);

        DeleteAdmin().Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Delete the app role Admin (FlexMail.Admin)?", _dialogs.Markup));
        Button(_dialogs, "Delete app role").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("FlexMail.Admin", page.Find("[data-testid=app-roles]").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.False(await db.RoleAssignments.AnyAsync(a => a.AppRoleId == SandboxSeedApps.Admin.Id));
    }

    [Fact]
    public async Task ApplicationIdUri_NotSet_ProposesApiClientId_AndSaveSetsIt()
    {
        var page = RenderPage();
        Assert.Contains("Application ID URI: not set", page.Find("[data-testid=identifier-uri-status]").TextContent);
        Assert.Equal($"api://{_app.AppId}", InputLabelled(page, "Application ID URI").GetAttribute("value"));

        await Button(page, "Save Application ID URI").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains($"api://{_app.AppId}/.default", page.Find("[data-testid=identifier-uri-status]").TextContent));
        Assert.Equal($"api://{_app.AppId}", (await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(_app.AppId, CancellationToken.None))!.IdentifierUri);
    }

    [Fact]
    public async Task ApplicationIdUri_TakenByAnotherApp_IsRefusedKeepingTheInput()
    {
        var page = RenderPage();
        var taken = $"api://{SandboxPortalSignIn.ClientId}";

        InputLabelled(page, "Application ID URI").Input(taken);
        await Button(page, "Save Application ID URI").ClickAsync(new());

        Assert.Contains("already uses the Application ID URI", page.Markup);
        Assert.Equal(taken, InputLabelled(page, "Application ID URI").GetAttribute("value"));
        Assert.Null((await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(_app.AppId, CancellationToken.None))!.IdentifierUri);
    }
}
