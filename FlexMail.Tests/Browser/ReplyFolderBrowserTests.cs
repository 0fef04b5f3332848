using FlexMail.Tests.Browser.PageModels;
using FlexMail.Tests.Integration.MailboxAccess;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>The Email Reply Folder picked from the reply mailbox's real folders once the SMTP User is authorized.</summary>
public sealed class ReplyFolderBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal.Portal);

    [Fact]
    public async Task ListFolders_Authorized_PicksAFolderOfTheSharedMailboxAndChecksATypedOne()
    {
        await _scenario.SetUpAsync();
        await _scenario.AuthorizeServiceUserAsync();
        var page = await portal.OpenPageAsync();
        var settings = new EmailSettingsPageModel(page);
        await settings.GotoAsync();
        await page.GetByLabel("Email approval (approvers answer by replying)").CheckAsync();
        await settings.Field("Reply Mailbox").FillAsync("approvals@contoso.test");
        await settings.Field("Email Reply Folder").FillAsync("Inbox/FlexMail Replys");

        await settings.Button("List Folders").ClickAsync();

        await Assertions.Expect(page.GetByTestId("reply-folder-check")).ToContainTextAsync("Not found:");
        await settings.Field("Folders in approvals@contoso.test").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Inbox/FlexMail Replies", Exact = false }).ClickAsync();
        await Assertions.Expect(settings.Field("Email Reply Folder")).ToHaveValueAsync("Inbox/FlexMail Replies");
        await Assertions.Expect(page.GetByTestId("reply-folder-check")).ToContainTextAsync("Found: approvals@contoso.test has the folder Inbox/FlexMail Replies");

        await settings.Field("Email Reply Folder").FillAsync("Inbox/Nowhere");
        await Assertions.Expect(page.GetByTestId("reply-folder-check")).ToContainTextAsync("has no folder Inbox/Nowhere");
    }
}
