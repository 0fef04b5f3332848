using System.Text.RegularExpressions;
using FlexMail.Tests.Browser.PageModels;
using FlexMail.Tests.Integration.MailboxAccess;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>Authorize from the Email Settings page through the sandbox's sign-in and back, as an administrator does it.</summary>
public sealed class AuthorizeBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal.Portal);

    /// <summary>The Email Settings page at the saved Server Base URL (https://localhost:port), where Authorize brings the browser back.</summary>
    private Regex SettingsPageAtServerBaseUrl => new($"^{Regex.Escape(_scenario.BaseUrl)}/settings/email$");

    /// <summary>Signed in where the admin works: at the Server Base URL, the host Authorize starts at and returns to.</summary>
    private Task<IPage> OpenAtServerBaseUrlAsync() =>
        portal.OpenPageAsync(options: new BrowserNewContextOptions { BaseURL = _scenario.BaseUrl + "/" });

    [Fact]
    public async Task Authorize_SignInAsTheServiceUser_ComesBackWithSuccessAndTheAuthorizedStatus()
    {
        await _scenario.SetUpAsync();
        var page = await OpenAtServerBaseUrlAsync();
        var settings = new EmailSettingsPageModel(page);
        await settings.GotoAsync();

        await settings.Button("Authorize").ClickAsync();
        var signIn = new SandboxSignInPageModel(page);
        await Assertions.Expect(signIn.Heading).ToContainTextAsync("Sign in");
        await signIn.SignInAsAsync("svc-flexmail@contoso.test");

        var outcome = page.GetByTestId("authorization-outcome");
        await Assertions.Expect(outcome).ToContainTextAsync("svc-flexmail@contoso.test is authorized as the SMTP User.");
        await Assertions.Expect(page).ToHaveURLAsync(SettingsPageAtServerBaseUrl);
        var status = page.GetByTestId("authorization-outgoing").GetByTestId("authorization-status");
        await Assertions.Expect(status).ToContainTextAsync("Authorized as svc-flexmail@contoso.test since");
        await Assertions.Expect(settings.Button("Re-Authorize")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Authorize_SignInAsAnotherUser_IsRefusedNamingBothUsers()
    {
        await _scenario.SetUpAsync();
        var page = await OpenAtServerBaseUrlAsync();
        var settings = new EmailSettingsPageModel(page);
        await settings.GotoAsync();

        await settings.Button(await settings.Button("Re-Authorize").CountAsync() > 0 ? "Re-Authorize" : "Authorize").ClickAsync();
        await new SandboxSignInPageModel(page).SignInAsAsync("diego.siciliani@contoso.test");

        var outcome = page.GetByTestId("authorization-outcome");
        await Assertions.Expect(outcome).ToContainTextAsync(
            "You signed in as diego.siciliani@contoso.test, but the SMTP User is svc-flexmail@contoso.test. Nothing was saved.");
        await Assertions.Expect(outcome).ToContainTextAsync("choose svc-flexmail@contoso.test");
        await Assertions.Expect(page).ToHaveURLAsync(SettingsPageAtServerBaseUrl);
    }
}
