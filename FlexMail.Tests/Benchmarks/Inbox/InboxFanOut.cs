using System.Diagnostics;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlexMail.Benchmarks.Inbox;

/// <summary>
/// Many open Live Inbox views on one instance: each subscriber holds its first page (as a circuit does) and, per change,
/// re-queries the changed ids with its filter (<see cref="ReplyQueries.FindAsync"/>). A reply is recorded at a fixed
/// rate (processed-reply row and its event in one save, then the instance's signal, as <see cref="ReplyRecorder"/> does),
/// followed by <see cref="ReplyEventTail"/> and published through the portal's <see cref="LiveInboxNotifier"/>, as the
/// feed worker does. Measures commit → each subscriber's re-query done, CPU and memory.
/// </summary>
internal static class InboxFanOut
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<FanOutResult> RunAsync(InboxDatabase database, int subscriberCount, TimeSpan duration, TimeSpan every, CancellationToken ct)
    {
        var queries = database.Get<ReplyQueries>();
        var notifier = new LiveInboxNotifier(NullLogger<LiveInboxNotifier>.Instance);
        var committed = new Dictionary<Guid, long>();
        var committedLock = new Lock();

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var subscribers = new List<Subscriber>(subscriberCount);
        for (var i = 0; i < subscriberCount; i++)
        {
            var subscriber = new Subscriber(queries, id =>
            {
                lock (committedLock)
                {
                    return committed.TryGetValue(id, out var at) ? at : null;
                }
            });
            await subscriber.OpenAsync(ct);
            subscriber.Subscription = notifier.Subscribe(subscriber.OnChangeAsync);
            subscribers.Add(subscriber);
        }
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        using var stopTail = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tail = new ReplyEventTail(database.Get<ReplyEventFeed>(), TimeProvider.System);
        await tail.StartAsync(ct);
        var signal = database.Get<ReplyEventSignal>();
        var publishes = new List<double>();
        var tailing = TailAsync(tail, signal, notifier, publishes, stopTail.Token);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        var random = new Random(7);
        var inserted = 0;
        using (var timer = new PeriodicTimer(every))
        {
            while (wall.Elapsed < duration && await timer.WaitForNextTickAsync(ct))
            {
                var request = random.Next(database.RequestIds.Count);
                var row = InboxDatabase.Reply(random, database.RequestIds[request], InboxDatabase.TitleOf(request), DateTimeOffset.UtcNow);
                await using (var db = await database.Contexts.CreateDbContextAsync(ct))
                {
                    db.ProcessedReplies.Add(row);
                    db.ReplyEvents.Add(ReplyEvent.For(ReplyEventKind.Recorded, row, row.ProcessedAt));
                    await db.SaveChangesAsync(ct);
                }
                lock (committedLock)
                {
                    committed[row.Id] = Stopwatch.GetTimestamp();
                }
                signal.Notify();
                inserted++;
            }
        }
        var expected = inserted * subscriberCount;
        var settleBy = Stopwatch.StartNew();
        while (subscribers.Sum(s => s.DelaysMs.Count) < expected && settleBy.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
        var elapsed = wall.Elapsed;
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await stopTail.CancelAsync();
        await tailing;
        foreach (var subscriber in subscribers)
        {
            subscriber.Subscription?.Dispose();
        }

        var delays = subscribers.SelectMany(s => s.DelaysMs).Order().ToList();
        publishes.Sort();
        return new FanOutResult(subscriberCount, inserted, expected - delays.Count, subscribers.Sum(s => s.Changes), InboxRun.Percentile(delays, 0.50),
            InboxRun.Percentile(delays, 0.95), delays.Count == 0 ? double.NaN : delays[^1], elapsed, cpu,
            (double)allocated / subscriberCount, (double)(memoryAfter - memoryBefore) / subscriberCount, InboxRun.Percentile(publishes, 0.50),
            InboxRun.Percentile(publishes, 0.95));
    }

    /// <summary>As the feed worker: read what is new, publish it, wait for this instance's signal or the poll interval.</summary>
    private static async Task TailAsync(ReplyEventTail tail, ReplyEventSignal signal, LiveInboxNotifier notifier, List<double> publishes,
        CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var events = await tail.ReadAsync(ct);
                if (events.Count > 0)
                {
                    await notifier.PublishAsync(new LiveInboxChange(events, MonitorChanged: false));
                    publishes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                await signal.WaitAsync(PollInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The measurement ended.
        }
    }

    /// <summary>One open view: its filter, the page it shows, and how long each change took to reach its re-query's end.</summary>
    private sealed class Subscriber(ReplyQueries queries, Func<Guid, long?> committedAt)
    {
        private readonly ReplyListQuery _query = new();
        private IReadOnlyList<ReplyListItem> _page = [];

        public IDisposable? Subscription { get; set; }

        public List<double> DelaysMs { get; } = [];

        public int Changes { get; private set; }

        public async Task OpenAsync(CancellationToken ct) => _page = (await queries.ListAsync(_query, ct)).Items;

        public async Task OnChangeAsync(LiveInboxChange change)
        {
            var found = await queries.FindAsync(_query, change.ReplyIds, CancellationToken.None);
            var done = Stopwatch.GetTimestamp();
            Changes++;
            foreach (var id in change.NewReplyIds)
            {
                if (committedAt(id) is { } at)
                {
                    DelaysMs.Add(Stopwatch.GetElapsedTime(at, done).TotalMilliseconds);
                }
            }
            var shown = found.Select(i => i.Id).ToHashSet();
            _page = [.. found.Concat(_page.Where(i => !shown.Contains(i.Id))).Take(_query.Take)];
        }
    }
}

/// <summary>The fan-out run: delays in milliseconds; bytes per subscriber (allocated during the run, retained when open).</summary>
internal sealed record FanOutResult(int Subscribers, int Replies, int Missed, int Changes, double P50, double P95, double Max, TimeSpan Wall,
    TimeSpan Cpu, double AllocatedPerSubscriber, double RetainedPerSubscriber, double PublishP50, double PublishP95);
