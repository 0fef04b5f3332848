using FlexMail.Tests.Browser.PageModels;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>
/// The whole setup from a fresh start against the sandbox tenant, in the browser, as an administrator does it:
/// register the app in the sandbox, enter its ids in the wizard, save, authorize as the service user, test.
/// </summary>
public sealed class SetupWalkBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task FreshStart_WizardAgainstTheSandbox_AuthorizesAndTestsAllGreen()
    {
        var page = await portal.OpenPageAsync();

        // The sandbox's Entra ID: register the portal's app, then create a client secret and copy its value.
        var apps = new SandboxAppsPageModel(page);
        await apps.GotoAsync();
        await apps.Button("Register an app for this portal").ClickAsync();
        await page.GetByTestId("portal-app-registered").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(apps.AppName).ToContainTextAsync("FlexMail");
        var clientId = await apps.Field("Application (client) ID").InputValueAsync();
        var tenantId = await apps.Field("Directory (tenant) ID").InputValueAsync();
        await apps.AddClientSecretAsync("FlexMail portal");
        await Assertions.Expect(apps.NewSecretValue).Not.ToBeEmptyAsync();
        var secret = await apps.NewSecretValue.InputValueAsync();

        // The wizard: register (base URL prefilled), credentials, outgoing, incoming and replies, review and save.
        var wizard = new SetupWizardPageModel(page);
        await wizard.GotoAsync();
        await wizard.NextAsync();
        await wizard.FillAsync("Name", "FlexMail sandbox");
        await wizard.FillAsync("Tenant Id", tenantId);
        await wizard.FillAsync("Client Id", clientId);
        await wizard.FillAsync("Client Secret", secret);
        await Assertions.Expect(wizard.StepStatus(2)).ToHaveAttributeAsync("data-status", "ok");
        await wizard.NextAsync();
        await wizard.FillAsync("SMTP User", "svc-flexmail@contoso.test");
        await wizard.FillAsync("SMTP From Address", "approvals@contoso.test");
        await wizard.NextAsync();
        await page.GetByLabel("Email approval (approvers answer by replying)").CheckAsync();
        await wizard.FillAsync("Reply Mailbox", "approvals@contoso.test");
        await wizard.FillAsync("Email Reply Folder", "Inbox/FlexMail Replies");
        await Assertions.Expect(wizard.StepStatus(4)).ToHaveAttributeAsync("data-status", "ok");
        await wizard.NextAsync();
        await wizard.SaveAsync();

        // Authorize: the sandbox's sign-in page, back to the wizard's Authorize step with the outcome.
        await Assertions.Expect(wizard.StepStatus(6)).ToHaveAttributeAsync("data-status", "todo");
        await wizard.Button("Authorize").ClickAsync();
        await new SandboxSignInPageModel(page).SignInAsAsync("svc-flexmail@contoso.test");
        // Back with a full page load: the outcome is prerendered, but Next answers only once the circuit is up.
        await wizard.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("authorization-outcome")).ToContainTextAsync("svc-flexmail@contoso.test is authorized as the SMTP User.");
        await Assertions.Expect(page.GetByTestId("authorization-outgoing")).ToContainTextAsync("Authorized as svc-flexmail@contoso.test since");
        await Assertions.Expect(wizard.StepStatus(6)).ToHaveAttributeAsync("data-status", "ok");

        // Test Email Configuration: every step passes.
        await wizard.NextAsync();
        await wizard.Button("Test Email Configuration").ClickAsync();
        await Assertions.Expect(page.GetByTestId("email-test-verdict")).ToHaveAttributeAsync("data-verdict", "passed");
        await Assertions.Expect(wizard.StepStatus(7)).ToHaveAttributeAsync("data-status", "ok");
        await Assertions.Expect(page.GetByTestId("email-test-steps").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);

        await wizard.Button("Finish").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync());
    }
}
