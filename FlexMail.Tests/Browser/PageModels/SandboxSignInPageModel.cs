using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>The sandbox tenant's sign-in and consent pages (plain HTML, as Entra ID's would be).</summary>
public sealed class SandboxSignInPageModel(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>
    /// Picks the account (its label reads "Display Name (user@tenant)") and signs in; accepts the consent page if one
    /// follows; returns once the browser is back at the portal page that shows the outcome.
    /// </summary>
    public async Task SignInAsAsync(string userPrincipalName)
    {
        await page.GetByLabel($"({userPrincipalName})").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        var consent = page.GetByRole(AriaRole.Heading, new() { Name = "Permissions requested" });
        var back = page.GetByTestId("authorization-outcome");
        await Assertions.Expect(consent.Or(back)).ToBeVisibleAsync();
        if (await consent.IsVisibleAsync())
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
            await Assertions.Expect(back).ToBeVisibleAsync();
        }
    }
}
