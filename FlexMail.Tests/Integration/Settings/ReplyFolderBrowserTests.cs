using FlexMail.Domain.Settings;
using FlexMail.Tests.Integration.MailboxAccess;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.Settings;

public sealed class ReplyFolderBrowserTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly AuthorizeScenario _scenario = new(portal);

    private ReplyFolderBrowser Browser => portal.Get<ReplyFolderBrowser>();

    [Fact]
    public async Task Browse_NotAuthorized_SaysToAuthorizeFirst()
    {
        await _scenario.SetUpAsync();
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            await db.MailboxAuthorizations.ExecuteDeleteAsync(); // an earlier test of this class authorized
        }

        var browse = await Browser.BrowseAsync("approvals@contoso.test", "Inbox/FlexMail Replies", CancellationToken.None);

        Assert.Empty(browse.Folders);
        Assert.Contains("not authorized yet", browse.Problem);
        Assert.Contains("Authorize", browse.Problem);
    }

    [Fact]
    public async Task Browse_SharedMailbox_ListsItsFoldersWithChildrenButNotSentOrDeletedItems()
    {
        await _scenario.SetUpAuthorizedAsync();

        var browse = await Browser.BrowseAsync("approvals@contoso.test", typedPath: null, CancellationToken.None);

        Assert.Null(browse.Problem);
        Assert.Equal("approvals@contoso.test", browse.Mailbox);
        var paths = browse.Folders.Select(f => f.Path).ToList();
        Assert.Contains("Inbox", paths);
        Assert.Contains("Inbox/FlexMail Replies", paths);
        Assert.Contains("Inbox/Processed", paths);
        Assert.DoesNotContain("Sent Items", paths);
        Assert.DoesNotContain("Deleted Items", paths);
        Assert.True(paths.IndexOf("Inbox") < paths.IndexOf("Inbox/FlexMail Replies"), "a folder comes before its children");
    }

    [Fact]
    public async Task Browse_EmptyMailbox_ReadsTheIncomingUsersOwnMailbox()
    {
        await _scenario.SetUpAuthorizedAsync();

        var browse = await Browser.BrowseAsync("", typedPath: "Inbox", CancellationToken.None);

        Assert.Equal("svc-flexmail@contoso.test", browse.Mailbox);
        Assert.True(browse.Check!.Found, browse.Check.Message);
    }

    [Fact]
    public async Task Browse_TypedPathExists_ChecksItAsFound()
    {
        await _scenario.SetUpAuthorizedAsync();

        var browse = await Browser.BrowseAsync("approvals@contoso.test", "inbox/flexmail replies", CancellationToken.None);

        Assert.True(browse.Check!.Found, browse.Check.Message);
        Assert.Contains("Inbox/FlexMail Replies", browse.Check.Message);
    }

    [Fact]
    public async Task Browse_TypedPathMissing_SaysWhichFolderIsMissing()
    {
        await _scenario.SetUpAuthorizedAsync();

        var browse = await Browser.BrowseAsync("approvals@contoso.test", "Inbox/Approvals Typo", CancellationToken.None);

        Assert.Null(browse.Problem);
        Assert.NotEmpty(browse.Folders);
        Assert.False(browse.Check!.Found);
        Assert.Contains("Approvals Typo", browse.Check.Message);
    }

    [Fact]
    public async Task Browse_MailboxWithoutRights_ReportsTheGraphDenialInPlainWords()
    {
        await _scenario.SetUpAuthorizedAsync();

        var browse = await Browser.BrowseAsync("diego.siciliani@contoso.test", "Inbox", CancellationToken.None);

        Assert.Empty(browse.Folders);
        Assert.NotNull(browse.Problem);
        Assert.Contains("diego.siciliani@contoso.test", browse.Problem);
    }
}
