using FlexMail.Portal.Sandbox.Directory;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>Signing in to the portal: the portal sends the browser to the sandbox's sign-in page and back.</summary>
public sealed class PortalSignInPageModel(IPage page)
{
    /// <summary>Opens <paramref name="path"/>, signs in as <paramref name="user"/> on the sandbox's page, and waits until the portal's circuit is up again.</summary>
    public async Task SignInAsync(SandboxUser user, string path = "")
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to Contoso (sandbox)");
        await page.GetByLabel($"({user.UserPrincipalName})").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // Back at the portal, signed in: every signed-in page has Sign out (the app bar's, and the missing-role page's own).
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).First).ToBeVisibleAsync();
        await new ShellPageModel(page).WaitForInteractiveAsync();
    }
}
