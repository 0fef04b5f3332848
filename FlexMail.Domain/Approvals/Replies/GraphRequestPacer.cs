using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Keeps the reply monitor inside Outlook's limits for the app and mailbox: at most
/// <see cref="ReplyMonitorOptions.MaxConcurrentRequests"/> requests in flight, request starts spaced so that a long
/// backlog uses <see cref="ReplyMonitorOptions.BudgetShare"/> of the budget per window and no more (a drain near the
/// ceiling without a storm of 429s), and nothing at all until a Retry-After Graph gave has passed.
/// </summary>
public sealed class GraphRequestPacer : IDisposable
{
    private readonly SemaphoreSlim _inFlight;
    private readonly TimeSpan _spacing;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private DateTimeOffset _holdUntil = DateTimeOffset.MinValue;
    private long _requests;

    public GraphRequestPacer(IOptions<ReplyMonitorOptions> options, TimeProvider clock)
    {
        var value = options.Value;
        _inFlight = new SemaphoreSlim(value.MaxConcurrentRequests, value.MaxConcurrentRequests);
        _spacing = value.RequestBudgetWindow / (value.RequestBudget * value.BudgetShare);
        _clock = clock;
    }

    /// <summary>The time between two request starts that the budget allows.</summary>
    public TimeSpan Spacing => _spacing;

    /// <summary>Requests started since the process began (the monitor's own count, retries by the SDK not included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Until when Graph asked to wait (null: no wait pending).</summary>
    public DateTimeOffset? HeldUntil
    {
        get
        {
            lock (_gate)
            {
                return _holdUntil > _clock.GetUtcNow() ? _holdUntil : null;
            }
        }
    }

    /// <summary>No request starts before <paramref name="until"/> (Graph's Retry-After).</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _holdUntil)
            {
                _holdUntil = until;
            }
        }
    }

    /// <summary>Runs one Graph request when the limits allow it.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            var wait = ReserveStart();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _clock, cancellationToken);
            }
            Interlocked.Increment(ref _requests);
            return await request(cancellationToken);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private TimeSpan ReserveStart()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var start = new[] { now, _nextStart, _holdUntil }.Max();
            _nextStart = start + _spacing;
            return start - now;
        }
    }

    public void Dispose() => _inFlight.Dispose();
}
