using FlexMail.Domain.Audit;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>Wakes the reply monitor's worker (Check Now, Resume).</summary>
public sealed class ReplySignal : WorkSignal;

/// <summary>What people do to the monitor from the portal: Check Now, Pause, Resume — each audited.</summary>
public sealed class ReplyMonitorControl(ReplyMonitorStore store, ReplySignal signal, AuditLog audit, TimeProvider clock)
{
    public const string AuditSubject = "Reply monitor";

    public async Task<ReplyMonitorStatus> CheckNowAsync(Actor actor, CancellationToken cancellationToken)
    {
        var state = await store.UpdateAsync(s => s.NextCycleAt = clock.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(actor, "Reply monitor checked now", AuditSubject, state.Paused ? "The monitor is paused: it runs when resumed." : null, cancellationToken);
        signal.Notify();
        return ReplyMonitorStatus.Of(state, clock.GetUtcNow());
    }

    public async Task<ReplyMonitorStatus> PauseAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = await store.UpdateAsync(s => (s.Paused, s.PausedBy, s.PausedAt) = (true, actor.Name, now), cancellationToken);
        await audit.RecordAsync(actor, "Reply monitor paused", AuditSubject, "Replies wait in the folder until the monitor is resumed.", cancellationToken);
        signal.Notify();
        return ReplyMonitorStatus.Of(state, now);
    }

    public async Task<ReplyMonitorStatus> ResumeAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = await store.UpdateAsync(s => (s.Paused, s.PausedBy, s.PausedAt, s.NextCycleAt) = (false, null, null, now), cancellationToken);
        await audit.RecordAsync(actor, "Reply monitor resumed", AuditSubject, null, cancellationToken);
        signal.Notify();
        return ReplyMonitorStatus.Of(state, now);
    }

    public async Task<ReplyMonitorStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        ReplyMonitorStatus.Of(await store.GetAsync(cancellationToken), clock.GetUtcNow());
}

/// <summary>The monitor's state as people read it: running, paused or stopped by an error (with its cause and fix).</summary>
public sealed record ReplyMonitorStatus(
    ReplyMonitorRunState State, string Summary, string? PausedBy, DateTimeOffset? LastCycleAt, double? LastCycleMilliseconds, int LastCycleSeen,
    int LastCycleProcessed, int LastCycleRequests, DateTimeOffset? NextCycleAt, int Backlog, int NotOursInFolder, int ForeignInFolder,
    DateTimeOffset? ThrottledUntil, string? LastErrorCode, string? LastErrorCause, string? LastErrorFix, DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures, string? ActiveInstance)
{
    public static ReplyMonitorStatus Of(ReplyMonitorState s, DateTimeOffset now)
    {
        var state = s.Paused ? ReplyMonitorRunState.Paused
            : s.LastErrorCode is not null && s.ConsecutiveFailures > 0 ? ReplyMonitorRunState.Stopped
            : s.LastErrorCode is not null ? ReplyMonitorRunState.Idle
            : ReplyMonitorRunState.Running;
        var summary = state switch
        {
            ReplyMonitorRunState.Paused => $"Paused by {s.PausedBy ?? "someone"}: replies wait in the folder until resumed.",
            ReplyMonitorRunState.Stopped => $"{s.LastErrorCause} {s.LastErrorFix}".Trim(),
            ReplyMonitorRunState.Idle => $"{s.LastErrorCause} {s.LastErrorFix}".Trim(),
            _ when s.LastCycleEndedAt is null => "Waiting for its first cycle.",
            _ => "Reading the reply folder every poll interval.",
        };
        double? took = s.LastCycleStartedAt is { } start && s.LastCycleEndedAt is { } end && end >= start ? (end - start).TotalMilliseconds : null;
        var holder = s.LeaseExpiresAt is { } expires && expires > now ? s.LeaseHolder : null;
        return new ReplyMonitorStatus(state, summary, s.PausedBy, s.LastCycleEndedAt, took, s.LastCycleSeen, s.LastCycleProcessed, s.LastCycleRequests,
            s.Paused ? null : s.NextCycleAt, s.Backlog, s.NotOursInFolder, s.ForeignInFolder, s.ThrottledUntil > now ? s.ThrottledUntil : null,
            s.LastErrorCode, s.LastErrorCause, s.LastErrorFix, s.LastErrorAt, s.ConsecutiveFailures, holder);
    }
}

public enum ReplyMonitorRunState
{
    Running,
    Paused,

    /// <summary>The last cycle failed: the cause and fix say why; it is retried with backoff.</summary>
    Stopped,

    /// <summary>Nothing to read (email approval is off).</summary>
    Idle,
}
