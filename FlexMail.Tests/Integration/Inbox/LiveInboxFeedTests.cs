using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Live;
using FlexMail.Portal.Workers;
using FlexMail.Tests.Integration.Approvals.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace FlexMail.Tests.Integration.Inbox;

/// <summary>
/// The Live Inbox feed in the portal: the monitor's cycle writes processing events with each outcome and removal, the
/// feed worker tails them while somebody subscribes and publishes the reply ids, and a view re-queries what its filter keeps.
/// </summary>
[Collection(ReplyMonitorCollection.Name)]
public sealed class LiveInboxFeedTests(RepliesPortal portal) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ReplyScenario _scenario = new(portal);

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync();
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void FeedWorker_ApprovalWorkersOff_IsRegisteredAndRunning()
    {
        var hosted = portal.Get<IEnumerable<IHostedService>>().ToList();

        var worker = Assert.Single(hosted.OfType<LiveInboxFeedWorker>());
        Assert.NotNull(worker.ExecuteTask);
        Assert.False(worker.ExecuteTask.IsCompleted);
        Assert.DoesNotContain(hosted, service => service is ReplyMonitorWorker);
    }

    [Fact]
    public async Task Feed_ReplyProcessed_PublishesItsIdAndTheReQueryKeepsWhatTheFilterKeeps()
    {
        using var changes = new LiveInboxChanges(portal.Get<LiveInboxNotifier>());
        await changes.WaitUntilFollowingAsync(_scenario.Contexts, Deadline);
        var sent = await _scenario.RequestAsync("Live Inbox: deploy 5.1");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Approve - all checks green"));

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        var recorded = await changes.WaitForAsync(change => change.ReplyIds.Contains(row.Id), Deadline);
        Assert.Contains(row.Id, recorded.Change.NewReplyIds);
        var queries = portal.Get<ReplyQueries>();
        var approved = await queries.FindAsync(new ReplyListQuery { Outcome = ReplyOutcome.Approved }, recorded.Change.ReplyIds, CancellationToken.None);
        var rejected = await queries.FindAsync(new ReplyListQuery { Outcome = ReplyOutcome.Rejected }, recorded.Change.ReplyIds, CancellationToken.None);
        var otherSender = await queries.FindAsync(new ReplyListQuery { Sender = "someone.else@contoso.test" }, recorded.Change.ReplyIds, CancellationToken.None);
        var item = Assert.Single(approved, i => i.Id == row.Id);
        Assert.Equal(sent[0].Approver, item.Sender);
        Assert.DoesNotContain(rejected, i => i.Id == row.Id);
        Assert.DoesNotContain(otherSender, i => i.Id == row.Id);
        var removed = await changes.WaitForAsync(change => change.Events.Any(e => e.Kind == ReplyEventKind.Removed && e.ProcessedReplyId == row.Id), Deadline);
        Assert.DoesNotContain(row.Id, removed.Change.NewReplyIds);
    }

    [Fact]
    public async Task Cycle_DecisionNoDecisionAndCopy_WritesOneRecordedAndOneRemovedEventPerReply()
    {
        var deploy = await _scenario.RequestAsync("Live Inbox: deploy 5.2");
        var rotate = await _scenario.RequestAsync("Live Inbox: rotate keys");
        var approve = ReplyScenario.Reply(deploy[0], "Approve");
        await _scenario.DeliverAsync(approve, ReplyScenario.Reply(rotate[0], "Looks fine to me"));
        await _scenario.DeliverAsync(approve);

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var rows = (await _scenario.RowsAsync(deploy[0].RequestId)).Concat(await _scenario.RowsAsync(rotate[0].RequestId)).ToList();
        Assert.Equal([ReplyOutcome.Approved, ReplyOutcome.NoDecision, ReplyOutcome.Duplicate], rows.Select(r => r.Outcome).Order());
        Assert.All(rows, r => Assert.Equal(ReplyRemoval.Moved, r.Removal));
        var ids = rows.Select(r => r.Id).ToList();
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        var events = await db.ReplyEvents.AsNoTracking().Where(e => e.ProcessedReplyId != null && ids.Contains(e.ProcessedReplyId.Value)).ToListAsync();
        Assert.All(rows, row =>
        {
            var kinds = events.Where(e => e.ProcessedReplyId == row.Id).Select(e => e.Kind).Order().ToList();
            Assert.Equal([ReplyEventKind.Recorded, ReplyEventKind.Removed], kinds);
            Assert.All(events.Where(e => e.ProcessedReplyId == row.Id), e => Assert.Equal(row.ApprovalRequestId, e.ApprovalRequestId));
        });
    }

    [Fact]
    public async Task Cycle_SecondRun_WritesNoMoreEvents()
    {
        var sent = await _scenario.RequestAsync("Live Inbox: deploy 5.3");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Reject - wait for the freeze to end"));
        await _scenario.Cycle().RunAsync(CancellationToken.None);
        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        var before = await EventCountAsync(row.Id);

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        Assert.Equal(2, before);
        Assert.Equal(before, await EventCountAsync(row.Id));
    }

    private async Task<int> EventCountAsync(Guid replyId)
    {
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        return await db.ReplyEvents.CountAsync(e => e.ProcessedReplyId == replyId);
    }
}
