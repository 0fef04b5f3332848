using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>The sandbox's App registrations pages (list, registration dialog, app details) as a person sees them.</summary>
public sealed class SandboxAppsPageModel(IPage page) : ShellPageModel(page)
{
    public async Task GotoAsync()
    {
        await Page.GotoAsync("/sandbox/apps");
        await WaitForInteractiveAsync();
    }

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator AppName => Page.GetByTestId("app-name");

    /// <summary>The new secret's Value, shown once.</summary>
    public ILocator NewSecretValue => Page.GetByLabel("Value", new() { Exact = true });

    public ILocator NewSecretId => Page.GetByLabel("Secret ID", new() { Exact = true });

    public async Task RegisterAsync(string name, string redirectUri)
    {
        await Button("New registration").ClickAsync();
        await Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Dialog.GetByLabel("Redirect URI (Web)", new() { Exact = true }).FillAsync(redirectUri);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
    }

    public async Task AddClientSecretAsync(string description)
    {
        await Button("New client secret").ClickAsync();
        await Dialog.GetByLabel("Description", new() { Exact = true }).FillAsync(description);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
    }
}
