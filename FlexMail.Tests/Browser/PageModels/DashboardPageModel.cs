using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

public sealed class DashboardPageModel(IPage page) : ShellPageModel(page)
{
    public ILocator EmailStatus => Page.GetByTestId("email-status");

    public async Task<IResponse?> GotoAsync() => await Page.GotoAsync("/");
}
