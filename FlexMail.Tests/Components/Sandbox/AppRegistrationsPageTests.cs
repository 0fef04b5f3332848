using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexMail.Tests.Components.Sandbox;

public sealed class AppRegistrationsPageTests : SandboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<AppRegistrationsPage> RenderPage()
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<AppRegistrationsPage>();
        page.WaitForAssertion(() => Assert.DoesNotContain("Loading", page.Markup));
        return page;
    }

    private static AngleSharp.Dom.IElement LinkNamed(IRenderedComponent<AppRegistrationsPage> page, string name) =>
        page.FindAll("a").Single(a => a.TextContent.Trim() == name);

    [Fact]
    public async Task RegisterForThisPortal_WithSavedServerBaseUrl_RegistersTheExactRedirectUriWithConsent()
    {
        var draft = OAuthApps.OAuthAppDrafts.Valid("Production");
        draft.Id = Guid.NewGuid();
        var saved = await Domain.Get<SetupService>().SaveAsync(draft, new EmailSettingsDraft
        {
            ServerBaseUrl = "https://flexmail.contoso.test:8443", SmtpUser = "svc@contoso.test", SmtpFromAddress = "svc@contoso.test",
            SmtpOAuthApplicationId = draft.Id,
        }, new Actor("admin", null), CancellationToken.None);
        Assert.True(saved.Saved);
        var page = RenderPage();

        await Button(page, "Register an app for this portal").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("FlexMail", page.Find("[data-testid=sandbox-apps]").TextContent));
        const string expected = "https://flexmail.contoso.test:8443/flexdeploy/rest/v2/oauth";
        var app = (await Sandbox<SandboxAppRegistrations>().ListAsync(CancellationToken.None)).Single(a => a.DisplayName == "FlexMail");
        Assert.Equal("FlexMail", app.DisplayName);
        Assert.Equal([expected], app.RedirectUris);
        Assert.Equal(SandboxPortalApp.DelegatedPermissions.Order(), app.DelegatedPermissions.Order());
        Assert.Contains(expected, page.Find("[data-testid=portal-app-registered]").TextContent);
        Assert.Contains("Granted for Contoso", page.Find("tr[data-row=FlexMail]").TextContent);
        Assert.DoesNotContain("no Server Base URL is saved yet", page.Markup);
        Assert.Contains("mud-alert-text-success", page.Find("[data-testid=portal-app-registered]").ClassName);
        Assert.Equal($"sandbox/apps/{app.AppId}", LinkNamed(page, "Open the app registration FlexMail").GetAttribute("href"));
    }

    [Fact]
    public async Task RegisterForThisPortal_WithoutServerBaseUrl_UsesThePortalsHttpsAddressAndSaysSo()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("http://localhost:7443/sandbox/apps");
        var page = RenderPage();

        await Button(page, "Register an app for this portal").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("no Server Base URL is saved yet", page.Find("[data-testid=portal-app-address-note]").TextContent));
        Assert.Contains("mud-alert-text-success", page.Find("[data-testid=portal-app-registered]").ClassName);
        Assert.Equal("settings/email", LinkNamed(page, "Open FlexMail's Email Settings").GetAttribute("href"));
        var app = (await Sandbox<SandboxAppRegistrations>().ListAsync(CancellationToken.None)).Single(a => a.DisplayName == "FlexMail");
        Assert.Equal(["https://localhost:7443/flexdeploy/rest/v2/oauth"], app.RedirectUris);
    }

    [Fact]
    public async Task RegisterForThisPortal_ClickedTwice_KeepsOneAppAndSaysItExists()
    {
        var page = RenderPage();
        await Button(page, "Register an app for this portal").ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=portal-app-registered]")));

        await Button(page, "Register an app for this portal").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("already registered", page.Find("[data-testid=portal-app-registered]").TextContent));
        Assert.Single(await Sandbox<SandboxAppRegistrations>().ListAsync(CancellationToken.None), a => a.DisplayName == "FlexMail");
    }

    [Fact]
    public async Task NewRegistration_WithNameAndRedirectUri_CreatesTheAppAndOpensIt()
    {
        var page = RenderPage();

        Button(page, "New registration").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Name").Input("Contoso approvals"));
        InputLabelled(_dialogs, "Redirect URI (Web)").Input("https://approvals.contoso.test/callback");
        await Button(_dialogs, "Register").ClickAsync(new());

        var app = (await Sandbox<SandboxAppRegistrations>().ListAsync(CancellationToken.None)).Single(a => a.DisplayName == "Contoso approvals");
        Assert.Equal(["https://approvals.contoso.test/callback"], app.RedirectUris);
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/sandbox/apps/{app.AppId}", navigation.Uri));
    }

    [Fact]
    public async Task NewRegistration_WithHttpRedirectUri_IsRefusedKeepingTheInput()
    {
        var page = RenderPage();

        Button(page, "New registration").Click();
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Name").Input("Insecure"));
        InputLabelled(_dialogs, "Redirect URI (Web)").Input("http://flexmail.contoso.test/callback");
        await Button(_dialogs, "Register").ClickAsync(new());

        Assert.Contains("must use https://", _dialogs.Markup);
        Assert.Equal("http://flexmail.contoso.test/callback", InputLabelled(_dialogs, "Redirect URI (Web)").GetAttribute("value"));
        await using var db = await SandboxContexts.CreateDbContextAsync();
        Assert.False(await db.Applications.AnyAsync(a => a.DisplayName == "Insecure"));
    }
}
