using FlexMail.Domain.Settings;

namespace FlexMail.Tests.Domain.Settings;

public sealed class ReplyFolderCheckTests
{
    private static readonly ReplyFolderBrowse Listed = new("approvals@contoso.test",
        [new("Inbox", 4, 1), new("Inbox/FlexMail Replies", 2, 2), new("Archive", 0, 0)], null, null);

    [Fact]
    public void CheckAgainstList_ListedPathInOtherCase_IsFoundWithItsListedNameAndCount()
    {
        var check = ReplyFolderBrowser.CheckAgainstList(Listed, " inbox/flexmail replies ");

        Assert.True(check!.Found);
        Assert.Equal("approvals@contoso.test has the folder Inbox/FlexMail Replies (2 mails in it now).", check.Message);
    }

    [Fact]
    public void CheckAgainstList_PathNotListed_IsNotFoundAndSaysWhatToDo()
    {
        var check = ReplyFolderBrowser.CheckAgainstList(Listed, "Inbox/FlexMail Replys");

        Assert.False(check!.Found);
        Assert.Contains("has no folder Inbox/FlexMail Replys", check.Message);
        Assert.Contains("List Folders again", check.Message);
    }

    [Fact]
    public void CheckAgainstList_BareWellKnownNameNotListed_IsLeftToTheMailbox()
    {
        // A mailbox in another language lists "Posteingang" for the Inbox; Graph still finds "JunkEmail" by its well-known name.
        Assert.Null(ReplyFolderBrowser.CheckAgainstList(Listed, "JunkEmail"));
    }
}
