namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// Outlook-like throttling per app + mailbox: a sliding window budget of requests and a limit on requests in flight.
/// A refused request consumes nothing. Time comes from <see cref="TimeProvider"/> so tests control the window.
/// </summary>
public sealed class SandboxMailboxThrottle(TimeProvider clock)
{
    /// <summary>What the sandbox asks a client over the concurrency limit to wait: in-flight requests usually end sooner.</summary>
    public static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<ThrottleKey, MailboxUsage> _usage = [];
    private TimeSpan _window = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Admits a request that costs <c>demands[key]</c> requests against each app + mailbox (a <c>$batch</c> spreads over
    /// several), all or nothing: one slot in flight per mailbox, the cost against each mailbox's budget.
    /// </summary>
    public ThrottleDecision TryEnter(IReadOnlyDictionary<ThrottleKey, int> demands, ThrottleLimits limits)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _window = limits.Window;
            foreach (var (key, cost) in demands)
            {
                var usage = Usage(key);
                usage.Trim(now - limits.Window);
                if (usage.InFlight >= limits.MaxConcurrentRequests)
                {
                    usage.Refused(now);
                    return ThrottleDecision.Refuse(key, ThrottleLimit.Concurrency, ConcurrencyRetryAfter);
                }
                if (usage.Requests.Count + cost > limits.RequestBudget)
                {
                    usage.Refused(now);
                    return ThrottleDecision.Refuse(key, ThrottleLimit.RequestsPerWindow, RetryAfter(usage, cost, limits, now));
                }
            }
            foreach (var (key, cost) in demands)
            {
                var usage = _usage[key];
                usage.InFlight++;
                for (var i = 0; i < cost; i++)
                {
                    usage.Requests.Enqueue(now);
                }
            }
            return ThrottleDecision.Allow(new Lease(this, [.. demands.Keys]));
        }
    }

    /// <summary>Every app + mailbox seen, with its requests in the current window, in flight, and refused so far.</summary>
    public IReadOnlyList<SandboxThrottleCounters> Snapshot()
    {
        lock (_gate)
        {
            var since = clock.GetUtcNow() - _window;
            return [.. _usage.Select(pair =>
            {
                pair.Value.Trim(since);
                return new SandboxThrottleCounters(pair.Key.AppId, pair.Key.Mailbox, pair.Value.Requests.Count, pair.Value.InFlight,
                    pair.Value.ThrottledCount, pair.Value.LastThrottledAt);
            }).OrderBy(c => c.Mailbox, StringComparer.Ordinal).ThenBy(c => c.AppId)];
        }
    }

    /// <summary>Forgets the counters of requests no longer in flight: every budget starts afresh.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var key in _usage.Where(pair => pair.Value.InFlight == 0).Select(pair => pair.Key).ToList())
            {
                _usage.Remove(key);
            }
            foreach (var usage in _usage.Values)
            {
                usage.Requests.Clear();
                usage.ThrottledCount = 0;
                usage.LastThrottledAt = null;
            }
        }
    }

    // Seconds until enough of the oldest requests leave the window for this one to fit (the whole window if it never fits).
    private static TimeSpan RetryAfter(MailboxUsage usage, int cost, ThrottleLimits limits, DateTimeOffset now)
    {
        var mustLeave = usage.Requests.Count + cost - limits.RequestBudget;
        if (cost > limits.RequestBudget || mustLeave > usage.Requests.Count)
        {
            return limits.Window;
        }
        var freedAt = usage.Requests.ElementAt(mustLeave - 1) + limits.Window;
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((freedAt - now).TotalSeconds)));
    }

    private MailboxUsage Usage(ThrottleKey key)
    {
        if (!_usage.TryGetValue(key, out var usage))
        {
            usage = new MailboxUsage();
            _usage[key] = usage;
        }
        return usage;
    }

    private void Leave(IReadOnlyList<ThrottleKey> keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_usage.TryGetValue(key, out var usage) && usage.InFlight > 0)
                {
                    usage.InFlight--;
                }
            }
        }
    }

    private sealed class MailboxUsage
    {
        public Queue<DateTimeOffset> Requests { get; } = new();

        public int InFlight { get; set; }

        public long ThrottledCount { get; set; }

        public DateTimeOffset? LastThrottledAt { get; set; }

        public void Trim(DateTimeOffset since)
        {
            while (Requests.TryPeek(out var oldest) && oldest <= since)
            {
                Requests.Dequeue();
            }
        }

        public void Refused(DateTimeOffset now)
        {
            ThrottledCount++;
            LastThrottledAt = now;
        }
    }

    private sealed class Lease(SandboxMailboxThrottle owner, IReadOnlyList<ThrottleKey> keys) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave(keys);
            }
        }
    }
}
