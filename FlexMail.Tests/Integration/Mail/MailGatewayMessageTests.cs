using FlexMail.Domain.Mail;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Mail;

/// <summary>Listing, reading, moving and deleting messages through the gateway, with immutable ids.</summary>
public sealed class MailGatewayMessageTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly string Megan = SandboxSeed.MeganBowen.Mail!;
    private readonly MailGatewayKit _kit = new(portal);

    [Fact]
    public async Task ListMessages_PagesOfTwo_FollowsNextPageTokenToEveryMessageOnce()
    {
        var subjects = Enumerable.Range(1, 3).Select(i => $"Paging {i} {Guid.NewGuid():N}").ToList();
        foreach (var subject in subjects)
        {
            await _kit.DeliverAsync(SandboxSeed.MeganBowen, subject);
        }
        using var gateway = _kit.Delegated(SandboxSeed.MeganBowen, "Mail.ReadWrite");
        var inbox = await MailGatewayKit.FolderAsync(gateway, Megan, "Inbox");

        var first = await gateway.ListMessagesAsync(Megan, inbox.Id, new MessageListQuery(2) { Select = ["id", "subject", "receivedDateTime"] }, CancellationToken.None);
        var all = await MailGatewayKit.AllMessagesAsync(gateway, Megan, inbox.Id, pageSize: 2);

        Assert.True(first.Succeeded, first.Problem?.ToString());
        Assert.Equal(2, first.Value.Messages.Count);
        Assert.NotNull(first.Value.NextPageToken);
        Assert.Null(first.Value.Messages[0].InternetMessageId); // not selected
        Assert.Equal(inbox.TotalCount, all.Count);
        Assert.Equal(all.Count, all.Select(m => m.Id).Distinct().Count());
        Assert.All(subjects, subject => Assert.Contains(all, m => m.Subject == subject));
    }

    [Fact]
    public async Task Move_MessageToProcessed_KeepsItsImmutableIdAndLandsThere()
    {
        var subject = $"Approve release 7 {Guid.NewGuid():N}";
        await _kit.DeliverAsync(SandboxSeed.ApprovalsMailbox, subject);
        using var gateway = _kit.ServiceUserGateway();
        var inbox = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.Approvals, "Inbox");
        var processed = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.Approvals, "Inbox/Processed");
        var message = Assert.Single(await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, inbox.Id), m => m.Subject == subject);

        var moved = await gateway.MoveAsync(MailGatewayKit.Approvals, message.Id, processed.Id, CancellationToken.None);

        Assert.True(moved.Succeeded, moved.Problem?.ToString());
        Assert.Equal(message.Id, moved.Value);
        var listed = Assert.Single(await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, processed.Id), m => m.Subject == subject);
        Assert.Equal(message.Id, listed.Id);
        Assert.DoesNotContain(await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, inbox.Id), m => m.Subject == subject);
        var opened = await gateway.GetMessageAsync(MailGatewayKit.Approvals, message.Id, includeHeaders: false, CancellationToken.None);
        Assert.Equal(processed.Id, opened.Value?.ParentFolderId);
    }

    [Fact]
    public async Task GetMessage_WithHeaders_AnswersInternetMessageHeaders_WithoutHeaders_AnswersNone()
    {
        var subject = $"Headers {Guid.NewGuid():N}";
        await _kit.DeliverAsync(SandboxSeed.ApprovalsMailbox, subject);
        using var gateway = _kit.ServiceUserGateway();
        var inbox = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.Approvals, "Inbox");
        var message = Assert.Single(await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, inbox.Id), m => m.Subject == subject);

        var withHeaders = await gateway.GetMessageAsync(MailGatewayKit.Approvals, message.Id, includeHeaders: true, CancellationToken.None);
        var without = await gateway.GetMessageAsync(MailGatewayKit.Approvals, message.Id, includeHeaders: false, CancellationToken.None);

        Assert.True(withHeaders.Succeeded, withHeaders.Problem?.ToString());
        Assert.NotEmpty(withHeaders.Value.Headers!);
        Assert.Equal(message.InternetMessageId, withHeaders.Value.Header("Message-ID"));
        Assert.Equal($"Body of {subject}", withHeaders.Value.Body);
        Assert.True(without.Succeeded, without.Problem?.ToString());
        Assert.Null(without.Value.Headers);
    }

    [Fact]
    public async Task Delete_Message_GoesToDeletedItems_ThenFromThereForGood()
    {
        var subject = $"Delete me {Guid.NewGuid():N}";
        await _kit.DeliverAsync(SandboxSeed.ApprovalsMailbox, subject);
        using var gateway = _kit.ServiceUserGateway();
        var inbox = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.Approvals, "Inbox");
        var deletedItems = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.Approvals, "deleteditems");
        var message = Assert.Single(await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, inbox.Id), m => m.Subject == subject);

        var deleted = await gateway.DeleteAsync(MailGatewayKit.Approvals, message.Id, CancellationToken.None);

        Assert.True(deleted.Succeeded, deleted.Problem?.ToString());
        var inDeletedItems = await gateway.GetMessageAsync(MailGatewayKit.Approvals, message.Id, includeHeaders: false, CancellationToken.None);
        Assert.Equal(deletedItems.Id, inDeletedItems.Value?.ParentFolderId);
        Assert.True((await gateway.DeleteAsync(MailGatewayKit.Approvals, message.Id, CancellationToken.None)).Succeeded);
        var gone = await gateway.GetMessageAsync(MailGatewayKit.Approvals, message.Id, includeHeaders: false, CancellationToken.None);
        Assert.False(gone.Succeeded);
        Assert.Equal(MailFailureKind.ItemNotFound, gone.MailFailure().Kind);
        Assert.Contains($"The message {message.Id} is not in {MailGatewayKit.Approvals}", gone.MailFailure().Cause);
    }
}
