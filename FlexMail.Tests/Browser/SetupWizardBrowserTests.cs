using FlexMail.Tests.Browser.PageModels;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

public sealed class SetupWizardBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string ClientSecret = "Qx8~abcDEF.ghiJKL_mnoPQR-stuVWX";

    [Fact]
    public async Task Wizard_CompletedInTheBrowser_IsSavedAndReloadsOnEmailSettings()
    {
        var page = await portal.OpenPageAsync();
        var wizard = new SetupWizardPageModel(page);
        await wizard.GotoAsync();
        await Assertions.Expect(wizard.Field("Server Base URL")).ToHaveValueAsync(portal.HttpsAddress.GetLeftPart(UriPartial.Authority));
        await Assertions.Expect(wizard.Field("Redirect URI"))
            .ToHaveValueAsync(portal.HttpsAddress.GetLeftPart(UriPartial.Authority) + "/flexdeploy/rest/v2/oauth");

        await wizard.NextAsync();
        await wizard.FillAsync("Name", "FlexMail production");
        await wizard.FillAsync("Tenant Id", "contoso.onmicrosoft.com");
        await wizard.FillAsync("Client Id", "5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77");
        await wizard.FillAsync("Client Secret", ClientSecret);
        await Assertions.Expect(wizard.StepStatus(2)).ToHaveAttributeAsync("data-status", "ok");
        await wizard.NextAsync();
        await wizard.FillAsync("SMTP User", "svc-flexmail@contoso.com");
        await wizard.FillAsync("SMTP From Address", "approvals@contoso.com");
        await wizard.NextAsync();
        await page.GetByLabel("Email approval (approvers answer by replying)").CheckAsync();
        await wizard.FillAsync("Email Reply Folder", "Inbox/FlexMail Replies");
        await wizard.FillAsync("Approval Reply Address", "svc-flexmail@contoso.com");
        await Assertions.Expect(wizard.StepStatus(4)).ToHaveAttributeAsync("data-status", "ok");
        await wizard.NextAsync();
        await Assertions.Expect(page.GetByTestId("permission-list")).ToContainTextAsync("Mail.Send.Shared");
        await wizard.SaveAsync();

        await Assertions.Expect(wizard.Button("Authorize")).ToBeEnabledAsync(); // saved: the wizard moves on to Authorize
        var settings = new EmailSettingsPageModel(page);
        await settings.GotoAsync();
        await Assertions.Expect(settings.Field("SMTP User")).ToHaveValueAsync("svc-flexmail@contoso.com");
        await Assertions.Expect(settings.Field("SMTP From Address")).ToHaveValueAsync("approvals@contoso.com");
        await Assertions.Expect(settings.Field("Email Reply Folder")).ToHaveValueAsync("Inbox/FlexMail Replies");
        Assert.DoesNotContain(ClientSecret, await page.ContentAsync());
    }

    [Fact]
    public async Task Wizard_InvalidClientId_BlocksNextWithTheFieldsOwnMessage()
    {
        var page = await portal.OpenPageAsync();
        var wizard = new SetupWizardPageModel(page);
        await wizard.GotoAsync();
        await wizard.NextAsync();

        await wizard.FillAsync("Client Id", "flexmail-app");
        await wizard.NextAsync();

        await Assertions.Expect(page.GetByText("Client Id must be a GUID")).ToBeVisibleAsync();
        await Assertions.Expect(wizard.Field("Client Id")).ToHaveValueAsync("flexmail-app");
        await Assertions.Expect(wizard.StepStatus(2)).ToHaveAttributeAsync("data-status", "error");
    }
}
