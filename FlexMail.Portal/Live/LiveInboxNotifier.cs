using FlexMail.Domain.Approvals.Replies;

namespace FlexMail.Portal.Live;

/// <summary>
/// Tells this instance's open Live Inbox views that something changed: which replies (event ids and reply ids, never the
/// replies themselves) and whether the monitor's state moved. Fed by <see cref="Workers.LiveInboxFeedWorker"/>, which
/// tails the processing-events table; a view re-queries what it shows. <see cref="Subscribe"/> returns the subscription to
/// dispose. A failing subscriber never stops the others.
/// </summary>
public sealed partial class LiveInboxNotifier(ILogger<LiveInboxNotifier> logger)
{
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscriptions = [];
    private TaskCompletionSource _subscribed = NewSignal();

    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _subscriptions.Count;
            }
        }
    }

    public IDisposable Subscribe(Func<LiveInboxChange, Task> onChange)
    {
        var subscription = new Subscription(this, onChange);
        lock (_lock)
        {
            _subscriptions.Add(subscription);
            _subscribed.TrySetResult();
        }
        return subscription;
    }

    public async Task PublishAsync(LiveInboxChange change)
    {
        Subscription[] subscribers;
        lock (_lock)
        {
            subscribers = [.. _subscriptions];
        }
        await Task.WhenAll(subscribers.Select(s => DeliverAsync(s, change)));
    }

    /// <summary>Returns when somebody is subscribed (at once if somebody is): the feed reads nothing while nobody watches.</summary>
    public Task WaitForSubscriberAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_subscriptions.Count > 0)
            {
                return Task.CompletedTask;
            }
            if (_subscribed.Task.IsCompleted)
            {
                _subscribed = NewSignal();
            }
            return _subscribed.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task DeliverAsync(Subscription subscription, LiveInboxChange change)
    {
        try
        {
            await subscription.OnChange(change);
        }
        catch (Exception ex)
        {
            LogSubscriberFailed(logger, ex);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Live Inbox view failed to take a change")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(LiveInboxNotifier owner, Func<LiveInboxChange, Task> onChange) : IDisposable
    {
        public Func<LiveInboxChange, Task> OnChange { get; } = onChange;

        public void Dispose() => owner.Unsubscribe(this);
    }
}

/// <summary>What changed: the processing events read since the last change (oldest first), and whether the monitor's state moved.</summary>
public sealed record LiveInboxChange(IReadOnlyList<ReplyEvent> Events, bool MonitorChanged)
{
    /// <summary>The replies the events name, each once.</summary>
    public IReadOnlyCollection<Guid> ReplyIds { get; } = Events.Where(e => e.ProcessedReplyId is not null).Select(e => e.ProcessedReplyId!.Value).Distinct().ToList();

    /// <summary>Replies recorded for the first time (the others were changed: removed, resolved).</summary>
    public IReadOnlySet<Guid> NewReplyIds { get; } = Events.Where(e => e.Kind == ReplyEventKind.Recorded && e.ProcessedReplyId is not null)
        .Select(e => e.ProcessedReplyId!.Value).ToHashSet();
}
