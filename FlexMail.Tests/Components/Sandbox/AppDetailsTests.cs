using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class AppDetailsTests : SandboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private SandboxApplication _app = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = await Sandbox<SandboxAppRegistrations>().CreateAsync("FlexMail", ["https://localhost:7443/flexdeploy/rest/v2/oauth"], CancellationToken.None);
    }

    private IRenderedComponent<AppDetailsPage> RenderPage()
    {
        _dialogs ??= Context.Render<MudDialogProvider>();
        var page = Render<AppDetailsPage>(parameters => parameters.Add(p => p.ClientId, _app.AppId));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=app-name]")));
        return page;
    }

    [Fact]
    public void Overview_ShowsTheClientIdAndTheDirectoryIdToCopy()
    {
        var page = RenderPage();

        Assert.Equal(_app.AppId.ToString(), CopyableValueOf(page, "client-id"));
        Assert.Equal(Portal.Sandbox.SandboxTenant.TenantId.ToString(), CopyableValueOf(page, "directory-id"));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Copy Application (client) ID");
    }

    [Fact]
    public async Task NewClientSecret_ShowsTheValueOnce_ThenOnlyItsHint()
    {
        var page = RenderPage();

        Button(page, "New client secret").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Description").Input("FlexMail portal"));
        await Button(_dialogs, "Add").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=new-secret-value]")));
        var value = CopyableValueOf(page, "new-secret-value")!;
        var secret = await SingleSecretAsync();
        Assert.Equal(SandboxAppRegistrations.HashSecret(value), secret.ValueHash);
        Assert.Equal(secret.Id.ToString(), CopyableValueOf(page, "new-secret-id"));
        Assert.Contains("shown only this once", page.Find("[data-testid=new-secret]").TextContent);
        Assert.Contains("FlexMail portal", page.Find("[data-testid=client-secrets]").TextContent);

        var reopened = RenderPage();

        Assert.DoesNotContain(value, reopened.Markup);
        Assert.Contains(value[..3] + "*", reopened.Find("[data-testid=client-secrets]").TextContent);
        Assert.Empty(reopened.FindAll("[data-testid=new-secret-value]"));
    }

    [Fact]
    public async Task ExpireNow_MakesTheSecretExpired()
    {
        await Sandbox<SandboxAppRegistrations>().AddSecretAsync(_app.AppId, "to expire", TimeSpan.FromDays(30), CancellationToken.None);
        var page = RenderPage();

        await Button(page, "Expire now").ClickAsync(new());

        Assert.True((await SingleSecretAsync()).EndDateTime <= DateTimeOffset.UtcNow);
        page.WaitForAssertion(() => Assert.Contains("(expired)", page.Find("[data-testid=client-secrets]").TextContent));
    }

    [Fact]
    public async Task GrantAdminConsent_WithCheckedPermissions_ConsentsExactlyThose()
    {
        var page = RenderPage();

        page.FindAll("label").Single(l => l.TextContent.Trim() == "Mail.Send (delegated)").QuerySelector("input")!.Change(true);
        await Button(page, "Grant admin consent for Contoso").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Granted for Contoso", page.Find("[data-testid=consent-status]").TextContent));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        var grant = await db.PermissionGrants.SingleAsync(g => g.UserId == null);
        Assert.Equal(["Mail.Send", "User.Read"], grant.Scopes.Order());
    }

    private async Task<SandboxClientSecret> SingleSecretAsync()
    {
        await using var db = await SandboxContexts.CreateDbContextAsync();
        return await db.ClientSecrets.SingleAsync();
    }
}
