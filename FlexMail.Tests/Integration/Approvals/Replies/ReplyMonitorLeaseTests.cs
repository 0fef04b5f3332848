using FlexMail.Domain.Approvals.Replies;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>
/// One active monitor: two instances on one database (two holders of the same state row). Only the lease holder runs
/// cycles; when it dies (stops renewing), the other takes over within two poll intervals; a pause releases the lease.
/// </summary>
[Collection(ReplyMonitorCollection.Name)]
public sealed class ReplyMonitorLeaseTests(RepliesPortal portal) : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private readonly ReplyScenario _scenario = new(portal);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync(answers: false);
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoInstances_OnlyTheLeaseHolderReads_AndTheOtherTakesOverWithinTwoIntervals()
    {
        var monitor = _scenario.Monitor(_scenario.Cycle(clock: _clock), _clock);
        var store = new ReplyMonitorStore(_scenario.Contexts, _clock);
        var sent = await _scenario.RequestAsync("Lease 1");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Approve"));

        await monitor.RunIfDueAsync("instance-a", CancellationToken.None);
        var second = await monitor.RunIfDueAsync("instance-b", CancellationToken.None);

        var state = await store.GetAsync(CancellationToken.None);
        Assert.Equal("instance-a", state.LeaseHolder);
        Assert.Equal(1, state.LastCycleProcessed);
        Assert.Equal(_clock.GetUtcNow() + PollInterval / 2, second);

        // Instance A dies: it renews no more. B looks every half interval and holds the lease once A's has run out.
        var died = _clock.GetUtcNow();
        string? holder = null;
        while (_clock.GetUtcNow() - died <= PollInterval * 2)
        {
            _clock.Advance(PollInterval / 2);
            await monitor.RunIfDueAsync("instance-b", CancellationToken.None);
            holder = (await store.GetAsync(CancellationToken.None)).LeaseHolder;
            if (holder == "instance-b")
            {
                break;
            }
        }
        Assert.Equal("instance-b", holder);
        Assert.True(_clock.GetUtcNow() - died <= PollInterval * 2, $"took over after {_clock.GetUtcNow() - died}");
    }

    [Fact]
    public async Task Paused_ReleasesTheLeaseAndReadsNothing()
    {
        var monitor = _scenario.Monitor(_scenario.Cycle(clock: _clock), _clock);
        var store = new ReplyMonitorStore(_scenario.Contexts, _clock);
        await monitor.RunIfDueAsync("instance-a", CancellationToken.None);
        await store.UpdateAsync(s => s.Paused = true, CancellationToken.None);
        var sent = await _scenario.RequestAsync("Lease 2");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Approve"));
        _clock.Advance(PollInterval);

        var next = await monitor.RunIfDueAsync("instance-a", CancellationToken.None);

        Assert.Null(next);
        Assert.Null((await store.GetAsync(CancellationToken.None)).LeaseHolder);
        Assert.Empty(await _scenario.RowsAsync(sent[0].RequestId));
    }
}
