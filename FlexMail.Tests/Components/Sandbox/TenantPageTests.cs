using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class TenantPageTests : SandboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private IRenderedComponent<MudSnackbarProvider> _snackbars = null!;

    private IRenderedComponent<TenantPage> RenderPage()
    {
        _dialogs = Context.Render<MudDialogProvider>();
        _snackbars = Context.Render<MudSnackbarProvider>();
        var page = Render<TenantPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=mailbox-rights]")));
        return page;
    }

    [Fact]
    public void Render_ShowsTheTenantItsUsersAndTheSeededMailboxRights()
    {
        var page = RenderPage();

        Assert.Contains(SandboxTenant.TenantId.ToString(), CopyableValueOf(page, "tenant-id"));
        var lee = page.Find($"tr[data-row='{SandboxSeed.LeeGu.UserPrincipalName}']").TextContent;
        Assert.Contains("Lee Gu", lee);
        Assert.Contains("No", lee);
        Assert.Contains("Shared mailbox", page.Find($"tr[data-row='{SandboxSeed.ApprovalsMailbox.UserPrincipalName}']").TextContent);
        var right = page.Find("tr[data-row='Approvals / FlexMail Service']").TextContent;
        Assert.Equal(2, right.Split("Yes").Length - 1);
    }

    [Fact]
    public void RowButtons_NameTheUserTheyActOn()
    {
        var page = RenderPage();

        var names = page.Find($"tr[data-row='{SandboxSeed.AdeleVance.UserPrincipalName}']").QuerySelectorAll("[aria-label]")
            .Select(element => element.GetAttribute("aria-label")).ToList();

        Assert.Contains("Revoke sessions of Adele Vance", names);
        Assert.Contains("Expire refresh tokens of Adele Vance", names);
        Assert.Contains("Open mailbox of Adele Vance", names);
    }

    [Fact]
    public async Task RevokeSessions_Click_RecordsTheRevocationForThatUser()
    {
        var page = RenderPage();

        await page.Find($"tr[data-row='{SandboxSeed.AdeleVance.UserPrincipalName}']").QuerySelectorAll("button")
            .Single(b => b.TextContent.Trim() == "Revoke sessions").ClickAsync(new());

        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.NotNull((await db.Users.SingleAsync(u => u.Id == SandboxSeed.AdeleVance.Id)).SessionsRevokedAt);
        Assert.Null((await db.Users.SingleAsync(u => u.Id == SandboxSeed.AlexWilber.Id)).SessionsRevokedAt);
        page.WaitForAssertion(() => Assert.DoesNotContain("Never", page.Find($"tr[data-row='{SandboxSeed.AdeleVance.UserPrincipalName}']").TextContent));
    }

    [Fact]
    public async Task ExpireRefreshTokens_Click_ExpiresOnlyThatUsersTokens()
    {
        await using (var seed = await SandboxContexts.CreateDbContextAsync())
        {
            var later = DateTimeOffset.UtcNow.AddDays(90);
            seed.RefreshTokens.Add(new SandboxRefreshToken { Id = "adele", ClientId = Guid.NewGuid(), UserId = SandboxSeed.AdeleVance.Id, IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = later });
            seed.RefreshTokens.Add(new SandboxRefreshToken { Id = "alex", ClientId = Guid.NewGuid(), UserId = SandboxSeed.AlexWilber.Id, IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = later });
            await seed.SaveChangesAsync();
        }
        var page = RenderPage();

        await page.Find($"tr[data-row='{SandboxSeed.AdeleVance.UserPrincipalName}']").QuerySelectorAll("button")
            .Single(b => b.TextContent.Trim() == "Expire refresh tokens").ClickAsync(new());

        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.True((await db.RefreshTokens.SingleAsync(t => t.Id == "adele")).ExpiresAt <= DateTimeOffset.UtcNow);
        Assert.True((await db.RefreshTokens.SingleAsync(t => t.Id == "alex")).ExpiresAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task EditMailboxRights_ClearSendAs_SavesFullAccessOnly()
    {
        var page = RenderPage();

        page.Find("tr[data-row='Approvals / FlexMail Service']").QuerySelector("button")!.Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Edit mailbox rights", _dialogs.Markup));
        _dialogs.FindAll("label").Single(l => l.TextContent.Trim() == "Send As").QuerySelector("input")!.Change(false);
        await Button(_dialogs, "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("No", page.Find("tr[data-row='Approvals / FlexMail Service']").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        var permission = await db.MailboxPermissions.SingleAsync(p => p.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id);
        Assert.True(permission.FullAccess);
        Assert.False(permission.SendAs);
    }

    [Fact]
    public async Task ResetSandbox_AsksForConfirmationNamingWhatIsLost_AndCancelKeepsEverything()
    {
        await Sandbox<SandboxAppRegistrations>().CreateAsync("Keep me", [], CancellationToken.None);
        var page = RenderPage();

        Button(page, "Reset sandbox").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("every mail in the sandbox mailboxes", _dialogs.Markup));
        Assert.Contains("Every app registration", _dialogs.Markup);
        await Button(_dialogs, "Cancel").ClickAsync(new());

        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.True(await db.Applications.AnyAsync(a => a.DisplayName == "Keep me"));
    }

    [Fact]
    public async Task ResetSandbox_Confirmed_ThrowsAwayAppsAndRestoresTheSeed()
    {
        await Sandbox<SandboxAppRegistrations>().CreateAsync("Gone after reset", [], CancellationToken.None);
        var page = RenderPage();

        Button(page, "Reset sandbox").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Reset the sandbox tenant?", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Reset sandbox").Click();

        _snackbars.WaitForAssertion(() => Assert.Contains("The sandbox tenant was reset", _snackbars.Markup));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        // Only the seeded app registrations are back.
        Assert.Equal([SandboxSeedApps.PipelineName, SandboxSeedApps.PortalName], (await db.Applications.Select(a => a.DisplayName).ToListAsync()).Order());
        Assert.Equal(SandboxSeed.Users.Count, await db.Users.CountAsync());
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"tr[data-row='{SandboxSeed.LeeGu.UserPrincipalName}']")));
    }
}
