using FlexMail.Portal.Sandbox.Graph;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

public sealed class GraphRoutesTests
{
    private static Task<GraphResult> Nothing(GraphCall call, CancellationToken cancellationToken) => Task.FromResult(GraphResult.NoContent());

    [Theory]
    [InlineData("me/mailFolders/inbox/messages", "me", "inbox")]
    [InlineData("users/approvals@contoso.test/mailFolders/AQMkADabc/messages", "approvals@contoso.test", "AQMkADabc")]
    [InlineData("Users/0b1c2d3e-0002-4000-8000-000000000002/MailFolders/Inbox/Messages", "0b1c2d3e-0002-4000-8000-000000000002", "Inbox")]
    public void Match_OwnerAndFolder_AreRouteValues(string path, string owner, string folder)
    {
        var route = new GraphRoute("GET", "{owner}/mailFolders/{folder}/messages", Nothing);

        var values = route.Match(path.Split('/'));

        Assert.NotNull(values);
        Assert.Equal(owner, values["owner"]);
        Assert.Equal(folder, values["folder"]);
    }

    [Theory]
    [InlineData("me/mailFolders/inbox")]
    [InlineData("me/mailFolders/inbox/messages/extra")]
    [InlineData("groups/x/mailFolders/inbox/messages")]
    public void Match_OtherPaths_DoNotMatch(string path)
    {
        var route = new GraphRoute("GET", "{owner}/mailFolders/{folder}/messages", Nothing);

        Assert.Null(route.Match(path.Split('/')));
    }

    [Theory]
    [InlineData("me/messages", "me")]
    [InlineData("users/adele.vance@contoso.test/sendMail", "adele.vance@contoso.test")]
    [InlineData("$batch", null)]
    public void OwnerSegment_OfAPath_IsTheAddressedMailbox(string path, string? owner)
    {
        Assert.Equal(owner, GraphMailboxes.OwnerSegment(path));
    }
}
