using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>The setup wizard, driven by its fields' accessible names (the reference product's labels).</summary>
public sealed class SetupWizardPageModel(IPage page) : ShellPageModel(page)
{
    public async Task GotoAsync()
    {
        await Page.GotoAsync("/setup");
        await WaitForInteractiveAsync();
    }

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    public ILocator StepStatus(int number) => Page.GetByTestId($"step-status-{number}");

    public Task FillAsync(string label, string value) => Field(label).FillAsync(value);

    public Task NextAsync() => Button("Next").ClickAsync();

    public Task SaveAsync() => Button("Save").ClickAsync();
}
