using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

/// <summary>The Enterprise application's Users and roles, shown for the seeded FlexMail Portal app.</summary>
public sealed class UsersAndRolesSectionTests : SandboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<AppDetailsPage> RenderPage(Guid? clientId = null)
    {
        _dialogs ??= Context.Render<MudDialogProvider>();
        var page = Render<AppDetailsPage>(parameters => parameters.Add(p => p.ClientId, clientId ?? SandboxPortalSignIn.ClientId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=user-assignments]")));
        return page;
    }

    private Task<IReadOnlyList<SandboxUserAssignment>> AssignmentsAsync() =>
        Sandbox<SandboxEnterpriseApps>().ListUserAssignmentsAsync(SandboxPortalSignIn.ClientId, CancellationToken.None);

    [Fact]
    public void UsersAndRoles_SeededPortalApp_ListsEachAssignmentWithARemoveButtonNamingUserAndRole()
    {
        var page = RenderPage();

        var labels = page.Find("[data-testid=user-assignments]").QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Equal(["Remove Adele Vance from Approver", "Remove Alex Wilber from Support", "Remove Megan Bowen from Admin"], labels);
        Assert.All(page.Find("[data-testid=user-assignments]").QuerySelectorAll("button"), b => Assert.Equal("Remove", b.TextContent.Trim()));
        Assert.Contains("Deployment pipeline: FlexMail.Integrator", page.Find("[data-testid=client-assignments]").TextContent);
        Assert.StartsWith("No:", page.Find("[data-testid=assignment-required-status]").TextContent.Trim());
    }

    [Fact]
    public async Task AssignmentRequired_SwitchedOn_IsStoredAndSaidInWords()
    {
        var page = RenderPage();

        page.FindAll("label").Single(l => l.TextContent.Trim() == "Assignment required?").QuerySelector("input")!.Change(true);

        page.WaitForAssertion(() => Assert.Contains("AADSTS50105", page.Find("[data-testid=assignment-required-status]").TextContent));
        Assert.True((await Sandbox<SandboxAppRegistrations>().FindByClientIdAsync(SandboxPortalSignIn.ClientId, CancellationToken.None))!.AssignmentRequired);
    }

    [Fact]
    public async Task AddUserAssignment_DiegoAsSupport_IsListedAndStored_AndSharedMailboxesAreNotOffered()
    {
        var page = RenderPage();

        Button(page, "Add user assignment").Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.FindComponent<AddUserAssignmentDialog>()));
        Assert.DoesNotContain(_dialogs.FindComponent<AddUserAssignmentDialog>().Instance.Users, u => u.Kind == SandboxUserKind.SharedMailbox);
        var selects = _dialogs.FindComponents<MudSelect<Guid?>>();
        Assert.Equal(["User", "Role"], selects.Select(s => s.Instance.Label));
        await _dialogs.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(SandboxSeed.DiegoSiciliani.Id));
        await _dialogs.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(SandboxSeedApps.Support.Id));
        await Button(_dialogs, "Assign").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.GetAttribute("aria-label") == "Remove Diego Siciliani from Support"));
        Assert.Contains(await AssignmentsAsync(), a => a.UserId == SandboxSeed.DiegoSiciliani.Id && a.AppRoleId == SandboxSeedApps.Support.Id);
    }

    [Fact]
    public async Task AddUserAssignment_SameUserAndRoleAgain_IsRefusedInTheDialog()
    {
        var page = RenderPage();

        Button(page, "Add user assignment").Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.FindComponent<AddUserAssignmentDialog>()));
        var selects = _dialogs.FindComponents<MudSelect<Guid?>>();
        await _dialogs.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(SandboxSeed.MeganBowen.Id));
        await _dialogs.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(SandboxSeedApps.Admin.Id));
        await Button(_dialogs, "Assign").ClickAsync(new());

        _dialogs.WaitForAssertion(() => Assert.Contains("already holds Admin", _dialogs.Find("[data-testid=assignment-problem]").TextContent));
        Assert.Single(await AssignmentsAsync(), a => a.UserId == SandboxSeed.MeganBowen.Id);
    }

    [Fact]
    public async Task RemoveAssignment_AsksFirst_ConfirmRemovesIt()
    {
        var page = RenderPage();

        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Remove Megan Bowen from Admin").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Remove Megan Bowen from Admin?", _dialogs.Markup));
        Button(_dialogs, "Remove assignment").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("button"), b => b.GetAttribute("aria-label") == "Remove Megan Bowen from Admin"));
        Assert.DoesNotContain(await AssignmentsAsync(), a => a.UserId == SandboxSeed.MeganBowen.Id);
    }

    [Fact]
    public async Task AddUserAssignment_AppWithoutUserRoles_OffersDefaultAccess()
    {
        var app = await Sandbox<SandboxAppRegistrations>().CreateAsync("No roles", [], CancellationToken.None);
        _dialogs ??= Context.Render<MudDialogProvider>();
        var page = Render<AppDetailsPage>(parameters => parameters.Add(p => p.ClientId, app.AppId));
        page.WaitForAssertion(() => Assert.Contains("No user is assigned.", page.Markup));

        Button(page, "Add user assignment").Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.FindComponent<AddUserAssignmentDialog>()));
        var selects = _dialogs.FindComponents<MudSelect<Guid?>>();
        await _dialogs.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(SandboxSeed.LeeGu.Id));
        await _dialogs.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(SandboxAppRole.DefaultAccessId));
        await Button(_dialogs, "Assign").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.GetAttribute("aria-label") == "Remove Lee Gu from Default Access"));
    }
}
