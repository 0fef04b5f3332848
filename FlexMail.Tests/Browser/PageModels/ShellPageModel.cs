using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>The portal's shell (app bar, drawer) as a person sees it: found by role and name.</summary>
public class ShellPageModel(IPage page)
{
    protected IPage Page { get; } = page;

    public ILocator ProductName => Page.GetByTestId("product-name");

    public ILocator Navigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Waits until the circuit is up: only then do buttons respond.</summary>
    public Task WaitForInteractiveAsync() =>
        Page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
