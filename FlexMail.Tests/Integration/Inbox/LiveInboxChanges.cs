using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Persistence;
using FlexMail.Portal.Live;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.Inbox;

/// <summary>
/// A subscriber on one portal instance's <see cref="LiveInboxNotifier"/> that keeps every change with the moment it
/// arrived, and waits (no sleeps: woken by each arrival) until one matches.
/// </summary>
internal sealed class LiveInboxChanges : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<Received> _received = [];
    private readonly IDisposable _subscription;
    private TaskCompletionSource _arrived = NewSignal();

    public LiveInboxChanges(LiveInboxNotifier notifier) => _subscription = notifier.Subscribe(TakeAsync);

    /// <summary>
    /// Makes sure the instance's feed follows the table before the test writes what it waits for: the feed starts after
    /// the newest event when somebody subscribes, a moment after <see cref="LiveInboxNotifier.Subscribe"/> returns. Inserts
    /// an event naming no real reply, again each second, until one comes through.
    /// </summary>
    public async Task WaitUntilFollowingAsync(IDbContextFactory<FlexMailDbContext> contexts, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until)
        {
            var marker = Guid.NewGuid();
            await using (var db = await contexts.CreateDbContextAsync())
            {
                db.ReplyEvents.Add(new ReplyEvent { Kind = ReplyEventKind.Resolved, ProcessedReplyId = marker, OccurredAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
            if (await TryWaitForAsync(change => change.ReplyIds.Contains(marker), TimeSpan.FromSeconds(1)) is not null)
            {
                return;
            }
        }
        Assert.Fail($"The Live Inbox feed did not follow the processing events within {deadline.TotalSeconds:N0} s.");
    }

    /// <summary>The first change (and when it arrived) that <paramref name="match"/> accepts; fails the test after <paramref name="deadline"/>.</summary>
    public async Task<Received> WaitForAsync(Func<LiveInboxChange, bool> match, TimeSpan deadline) =>
        await TryWaitForAsync(match, deadline)
        ?? throw new Xunit.Sdk.XunitException($"No matching Live Inbox change within {deadline.TotalSeconds:N0} s ({Count} changes arrived).");

    private async Task<Received?> TryWaitForAsync(Func<LiveInboxChange, bool> match, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (_received.FirstOrDefault(r => match(r.Change)) is { } found)
                {
                    return found;
                }
                arrived = _arrived.Task;
            }
            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _received.Count;
            }
        }
    }

    public void Dispose() => _subscription.Dispose();

    private Task TakeAsync(LiveInboxChange change)
    {
        lock (_lock)
        {
            _received.Add(new Received(change, DateTimeOffset.UtcNow));
            _arrived.TrySetResult();
            _arrived = NewSignal();
        }
        return Task.CompletedTask;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Received(LiveInboxChange Change, DateTimeOffset At);
}
