using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

public sealed class EmailSettingsPageModel(IPage page) : ShellPageModel(page)
{
    public async Task GotoAsync()
    {
        await Page.GotoAsync("/settings/email");
        await WaitForInteractiveAsync();
    }

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });
}
