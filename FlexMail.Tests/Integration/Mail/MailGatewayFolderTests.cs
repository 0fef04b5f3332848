using FlexMail.Domain.Connectivity;
using FlexMail.Domain.Mail;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlexMail.Tests.Integration.Mail;

/// <summary>The folder tree and folder paths of a mailbox, read through the gateway.</summary>
public sealed class MailGatewayFolderTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly MailGatewayKit _kit = new(portal);

    [Fact]
    public async Task ListFolders_SharedMailbox_TreeHasInboxChildrenWithPathsAndCounts()
    {
        using var gateway = _kit.ServiceUserGateway();

        var folders = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);

        Assert.True(folders.Succeeded, folders.Problem?.ToString());
        var inbox = Assert.Single(folders.Value, f => f.DisplayName == "Inbox");
        Assert.Equal("Inbox", inbox.Path);
        Assert.Equal(["FlexMail Replies", "Processed"], inbox.Children.Select(c => c.DisplayName).Order());
        Assert.Equal(["Inbox/FlexMail Replies", "Inbox/Processed"], inbox.Children.Select(c => c.Path).Order());
        Assert.True(inbox.TotalCount >= 1); // the welcome mail
        var expected = await portal.Get<SandboxMailbox>().ListFoldersAsync(SandboxSeed.ApprovalsMailbox.Id, CancellationToken.None);
        Assert.Equal(expected.Select(f => f.Id).Order(), Flatten(folders.Value).Select(f => f.Id).Order());
        Assert.All(Flatten(folders.Value), folder => Assert.Equal(expected.Single(e => e.Id == folder.Id).Total, folder.TotalCount));
    }

    [Fact]
    public async Task ListFolders_PagesOfTwo_FollowsNextLinkToEveryFolder()
    {
        var factory = new MailGatewayFactory(portal.Get<IMicrosoftCloud>(), TimeProvider.System, NullLoggerFactory.Instance) { FolderPageSize = 2 };
        using var gateway = _kit.ServiceUserGateway(factory);

        var folders = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);

        Assert.True(folders.Succeeded, folders.Problem?.ToString());
        var expected = await portal.Get<SandboxMailbox>().ListFoldersAsync(SandboxSeed.ApprovalsMailbox.Id, CancellationToken.None);
        Assert.True(folders.Value.Count > 2);
        Assert.Equal(expected.Select(f => f.Id).Order(), Flatten(folders.Value).Select(f => f.Id).Order());
    }

    [Fact]
    public async Task ResolveFolder_NestedPathInOtherCase_FindsFolderWithItsOwnPath()
    {
        using var gateway = _kit.ServiceUserGateway();

        var folder = await gateway.ResolveFolderAsync(MailGatewayKit.Approvals, "inbox/flexmail replies", CancellationToken.None);

        Assert.True(folder.Succeeded, folder.Problem?.ToString());
        Assert.Equal("FlexMail Replies", folder.Value.DisplayName);
        Assert.Equal("Inbox/FlexMail Replies", folder.Value.Path);
        var tree = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);
        Assert.Equal(Flatten(tree.Value!).Single(f => f.Path == "Inbox/FlexMail Replies").Id, folder.Value.Id);
    }

    [Fact]
    public async Task ResolveFolder_WellKnownName_FindsFolderByItsDisplayName()
    {
        using var gateway = _kit.ServiceUserGateway();

        var folder = await gateway.ResolveFolderAsync(MailGatewayKit.Approvals, "SentItems", CancellationToken.None);

        Assert.True(folder.Succeeded, folder.Problem?.ToString());
        Assert.Equal("Sent Items", folder.Value.Path);
    }

    [Fact]
    public async Task ResolveFolder_MissingChild_FailsFolderNotFoundNamingTheFoldersThere()
    {
        using var gateway = _kit.ServiceUserGateway();

        var folder = await gateway.ResolveFolderAsync(MailGatewayKit.Approvals, "Inbox/Replies", CancellationToken.None);

        Assert.False(folder.Succeeded);
        Assert.Equal(MailFailureKind.FolderNotFound, folder.MailFailure().Kind);
        Assert.Contains("no 'Replies' under Inbox", folder.MailFailure().Cause);
        Assert.Contains("FlexMail Replies, Processed", folder.MailFailure().Cause);
        Assert.Contains("List the folders", folder.MailFailure().Fix);
    }

    [Fact]
    public async Task ListMessages_FolderThatDoesNotExist_FailsFolderNotFoundSayingListTheFolders()
    {
        using var gateway = _kit.ServiceUserGateway();

        var page = await gateway.ListMessagesAsync(MailGatewayKit.Approvals, "AAMkNoSuchFolder", new MessageListQuery(10), CancellationToken.None);

        Assert.False(page.Succeeded);
        Assert.Equal(MailFailureKind.FolderNotFound, page.MailFailure().Kind);
        Assert.Equal("ErrorItemNotFound", page.MailFailure().GraphCode);
        Assert.Contains("does not exist", page.MailFailure().Cause);
        Assert.Contains($"List the folders of {MailGatewayKit.Approvals}", page.MailFailure().Fix);
    }

    private static IEnumerable<MailFolder> Flatten(IEnumerable<MailFolder> folders) =>
        folders.SelectMany(f => new[] { f }.Concat(Flatten(f.Children)));
}
