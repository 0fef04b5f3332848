using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>The API reference (Scalar's page over the integrator API's OpenAPI document), found by role and name.</summary>
public sealed class ApiReferencePageModel(IPage page)
{
    public async Task<IResponse?> GotoAsync() => await page.GotoAsync("/scalar");

    /// <summary>The document's title: shown once the page has loaded and read the OpenAPI document.</summary>
    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Name = "FlexMail integrator API", Level = 1 });

    public ILocator Sidebar => page.GetByRole(AriaRole.Complementary, new() { Name = "Sidebar for FlexMail integrator API" });

    /// <summary>Opens a group (tag) of operations in the sidebar.</summary>
    public Task OpenGroupAsync(string tag) => Sidebar.GetByRole(AriaRole.Button, new() { Name = $"Open Group - {tag}" }).ClickAsync();

    /// <summary>An operation's entry in the sidebar, by its summary.</summary>
    public ILocator Operation(string summary) => Sidebar.GetByRole(AriaRole.Link, new() { Name = summary });
}
