namespace FlexMail.Domain.Approvals;

/// <summary>
/// Wakes a worker when there is new work, so that it needs no tight polling: <see cref="Notify"/> after a commit,
/// <see cref="WaitAsync"/> in the worker's loop (returns at the signal or at the timeout, whichever comes first).
/// </summary>
public abstract class WorkSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker will look once for all of it.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>New mail in the approval outbox.</summary>
public sealed class OutboxSignal : WorkSignal;

/// <summary>A new webhook delivery owed.</summary>
public sealed class WebhookSignal : WorkSignal;
