using FlexMail.Domain.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Runs the reply cycle when it is due, on one instance at a time: the instance holding the lease in the database
/// (1.5 poll intervals, renewed while a cycle runs) polls; the others look every half interval, so a dead instance's
/// lease is taken over within two poll intervals. A paused monitor releases its lease and reads nothing. A failed cycle
/// stores its cause and fix and is tried again after Retry-After or a growing backoff, never in a tight loop.
/// </summary>
public sealed partial class ReplyMonitor(ReplyCycle cycle, ReplyMonitorStore store, EmailSettingsService settings, IOptions<ReplyMonitorOptions> options,
    TimeProvider clock, ILogger<ReplyMonitor> logger)
{
    /// <summary>Runs a cycle if this instance may and one is due; answers when to look again (null: only when signalled).</summary>
    public async Task<DateTimeOffset?> RunIfDueAsync(string holder, CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(cancellationToken);
        if (state.Paused)
        {
            await store.ReleaseLeaseAsync(holder, cancellationToken);
            return null;
        }
        var interval = TimeSpan.FromSeconds((await settings.GetDraftAsync(cancellationToken)).PollIntervalSeconds);
        var lease = Max(options.Value.MinimumLease, interval * 1.5);
        var now = clock.GetUtcNow();
        if (!await store.TryHoldLeaseAsync(holder, lease, cancellationToken))
        {
            return now + interval / 2;
        }
        // A changed poll interval applies at once: after a good cycle the next is due one (current) interval after it.
        var due = state.ConsecutiveFailures == 0 && state.LastCycleEndedAt is { } ended && state.NextCycleAt > ended + interval
            ? ended + interval
            : state.NextCycleAt;
        if (due is { } when && when > now)
        {
            return when < now + lease / 3 ? when : now + lease / 3;
        }
        return await RunCycleAsync(holder, interval, lease, cancellationToken);
    }

    private async Task<DateTimeOffset?> RunCycleAsync(string holder, TimeSpan interval, TimeSpan lease, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        await store.UpdateAsync(s => s.LastCycleStartedAt = started, cancellationToken);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(holder, lease, leaseLost, renewing.Token);
        try
        {
            var report = await cycle.RunAsync(leaseLost.Token);
            var ended = clock.GetUtcNow();
            var next = report.More ? ended : ended + interval;
            await store.UpdateAsync(s =>
            {
                s.LastCycleEndedAt = ended;
                s.LastCycleSeen = report.Seen;
                s.LastCycleProcessed = report.Processed;
                s.LastCycleRequests = report.Requests;
                s.NotOursInFolder = report.NotOurs;
                s.ForeignInFolder = report.Foreign;
                s.Backlog = report.More ? Math.Max(0, report.Seen - report.Processed) : 0;
                s.NextCycleAt = next;
                s.ThrottledUntil = null;
                s.ConsecutiveFailures = 0;
                (s.LastErrorCode, s.LastErrorCause, s.LastErrorFix) = report.Idle is { } idle ? ("EmailApprovalOff", idle, "Turn on Email Approval in Email Settings.") : (null, null, null);
            }, cancellationToken);
            LogCycle(logger, report.Seen, report.Processed, report.Removed, report.Requests, (ended - started).TotalMilliseconds);
            return next;
        }
        catch (ReplyCycleException ex)
        {
            return await FailedAsync(ex.Problem.Code, ex.Problem.Cause, ex.Problem.Fix, ex.RetryAfter, interval, cancellationToken);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogLeaseLost(logger, holder);
            return clock.GetUtcNow() + interval / 2;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }
    }

    private async Task<DateTimeOffset?> FailedAsync(string code, string cause, string fix, DateTimeOffset? retryAfter, TimeSpan interval,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset next = now;
        await store.UpdateAsync(s =>
        {
            s.ConsecutiveFailures++;
            var backoff = Min(options.Value.MaxBackoff, interval * Math.Pow(2, Math.Min(s.ConsecutiveFailures - 1, 16)));
            next = retryAfter is { } after && after > now + backoff ? after : now + backoff;
            s.NextCycleAt = next;
            s.ThrottledUntil = retryAfter;
            s.LastCycleEndedAt = now;
            (s.LastErrorCode, s.LastErrorCause, s.LastErrorFix, s.LastErrorAt) = (code, cause, fix, now);
        }, cancellationToken);
        LogCycleFailed(logger, code, next);
        return next;
    }

    private async Task RenewWhileRunningAsync(string holder, TimeSpan lease, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, clock, stop);
                if (!await store.TryHoldLeaseAsync(holder, lease, stop))
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The cycle ended.
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply cycle: {Seen} seen, {Processed} processed, {Removed} removed, {Requests} Graph requests in {Milliseconds} ms")]
    private static partial void LogCycle(ILogger logger, int seen, int processed, int removed, int requests, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply cycle stopped ({Code}); next try at {Next}")]
    private static partial void LogCycleFailed(ILogger logger, string code, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply monitor lease lost by {Holder}: another instance runs the monitor")]
    private static partial void LogLeaseLost(ILogger logger, string holder);
}
