using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>Signing in and out in Chromium through the sandbox tenant, and what each role then sees.</summary>
public sealed class SignInBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Anonymous_OpeningSetup_SignsInAndComesBackToSetup()
    {
        var page = await portal.OpenAnonymousPageAsync();

        await new PortalSignInPageModel(page).SignInAsync(SandboxSeed.MeganBowen, "setup");

        Assert.EndsWith("/setup", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Megan Bowen · Admin");
    }

    [Fact]
    public async Task Support_SeesTheDashboardButNoAdminEntriesInTheDrawer()
    {
        var page = await portal.OpenPageAsync(SandboxSeed.AlexWilber);
        var shell = new ShellPageModel(page);

        await Assertions.Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Setup" })).ToHaveCountAsync(0);
        await Assertions.Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Credentials" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("sandbox-navigation")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Alex Wilber · Support");
    }

    [Fact]
    public async Task Support_OpeningCredentials_IsToldTheRoleItNeeds()
    {
        var page = await portal.OpenPageAsync(SandboxSeed.AlexWilber);

        await page.GotoAsync("credentials");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You need a FlexMail role for this" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("missing-role")).ToContainTextAsync("with the role FlexMail.Support, which does not include this page");
    }

    [Fact]
    public async Task NoRole_AfterSignIn_IsToldWhichRoleToAskForAndWhoGrantsIt()
    {
        var page = await portal.OpenPageAsync(SandboxSeed.DiegoSiciliani);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You need a FlexMail role for this" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("missing-role")).ToContainTextAsync("Diego Siciliani, but your account has no FlexMail role yet");
        await Assertions.Expect(page.GetByTestId("sandbox-role-hint")).ToContainTextAsync("Sandbox → App registrations → FlexMail Portal");
    }

    [Fact]
    public async Task SignOut_EndsTheSessionHereAndAtTheIdentityProvider()
    {
        var page = await portal.OpenPageAsync();

        await new ShellPageModel(page).Button("Sign out").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("setup");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to Contoso (sandbox)");
    }
}
