using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>The Live Inbox as a support person sees it: the reply stream's rows, the detail drawer and its actions.</summary>
public sealed class LiveInboxPageModel(IPage page) : ShellPageModel(page)
{
    public async Task GotoAsync(string query = "")
    {
        await Page.GotoAsync("inbox" + query);
        await WaitForInteractiveAsync();
        await Assertions.Expect(Page.GetByTestId("live-state")).ToHaveTextAsync("Live");
    }

    public ILocator Stream => Page.GetByTestId("reply-stream");

    /// <summary>The stream's row for a reply from <paramref name="sender"/> whose subject holds <paramref name="subjectPart"/>.</summary>
    public ILocator Row(string sender, string subjectPart) =>
        Stream.Locator("tbody tr").Filter(new() { HasText = sender }).Filter(new() { HasText = subjectPart });

    public ILocator Drawer => Page.GetByTestId("reply-drawer");

    public ILocator DecisiveLine => Drawer.GetByTestId("drawer-decisive-line");

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public async Task OpenAsync(ILocator row)
    {
        await row.ClickAsync();
        await Assertions.Expect(Drawer.GetByTestId("drawer-steps")).ToBeVisibleAsync();
    }

    /// <summary>Record decision from the drawer: the decision, the reason, confirmed.</summary>
    public async Task RecordDecisionAsync(string decision, string reason)
    {
        await Drawer.GetByRole(AriaRole.Button, new() { Name = "Record Decision", Exact = true }).ClickAsync();
        await Dialog.GetByRole(AriaRole.Radio, new() { Name = decision, Exact = true }).CheckAsync();
        await Dialog.GetByLabel("Reason", new() { Exact = true }).FillAsync(reason);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Record Decision", Exact = true }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }
}
