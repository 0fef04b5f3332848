using Microsoft.Playwright;

namespace FlexMail.Tests.Browser.PageModels;

/// <summary>The sandbox's mail client as a person sees it.</summary>
public sealed class SandboxMailPageModel(IPage page) : ShellPageModel(page)
{
    public async Task GotoAsync(string mailbox)
    {
        await Page.GotoAsync($"/sandbox/mail?mailbox={Uri.EscapeDataString(mailbox)}");
        await WaitForInteractiveAsync();
    }

    /// <summary>Switches to another mailbox with the "Mailbox" select.</summary>
    public async Task SwitchToAsync(string optionText)
    {
        await Page.GetByLabel("Mailbox", new() { Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = optionText, Exact = true }).ClickAsync();
    }

    /// <summary>Opens a folder of the mailbox by its name in the folder list.</summary>
    public Task OpenFolderAsync(string displayName) =>
        Page.Locator($"[data-testid=mail-folders] [data-folder=\"{displayName}\"]").ClickAsync();

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator MessageRow(string subject) => Page.Locator($"tr[data-row=\"{subject}\"]");

    /// <summary>The open message's HTML body, inside its sandboxed frame.</summary>
    public IFrameLocator HtmlBody => Page.FrameLocator("[data-testid=message-body-html]");

    public Task OpenAsync(string subject) =>
        MessageRow(subject).GetByRole(AriaRole.Button, new() { Name = subject, Exact = true }).ClickAsync();

    /// <summary>Clicks one of the open message's e-mail link buttons (an approval's Approve / Reject) and sends the form it fills in.</summary>
    public async Task AnswerByLinkAsync(string linkText)
    {
        await Page.GetByTestId("mailto-links").GetByRole(AriaRole.Button, new() { Name = linkText, Exact = true }).ClickAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    public async Task ReplyAsync(string message)
    {
        await Button("Reply").ClickAsync();
        await Dialog.GetByLabel("Message", new() { Exact = true }).FillAsync(message);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }
}
