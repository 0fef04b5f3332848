namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// The reply monitor's state, one row for the installation: paused or not, who holds the lease (one active monitor
/// across instances), what the last cycle saw and did, the last error with its cause and fix, and when the next cycle runs.
/// </summary>
public sealed class ReplyMonitorState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public bool Paused { get; set; }

    public string? PausedBy { get; set; }

    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>The instance that runs the monitor now, until <see cref="LeaseExpiresAt"/>.</summary>
    public string? LeaseHolder { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? LastCycleStartedAt { get; set; }

    public DateTimeOffset? LastCycleEndedAt { get; set; }

    /// <summary>Mails listed in the reply folder by the last cycle.</summary>
    public int LastCycleSeen { get; set; }

    /// <summary>Mails the last cycle processed (recorded and removed).</summary>
    public int LastCycleProcessed { get; set; }

    /// <summary>Mails left in the folder that are not FlexMail replies (never touched).</summary>
    public int NotOursInFolder { get; set; }

    /// <summary>Another installation's replies left in the folder.</summary>
    public int ForeignInFolder { get; set; }

    /// <summary>Mails still waiting in the folder when the last cycle stopped at its limit.</summary>
    public int Backlog { get; set; }

    /// <summary>Graph requests of the last cycle.</summary>
    public int LastCycleRequests { get; set; }

    public DateTimeOffset? NextCycleAt { get; set; }

    /// <summary>Graph asked to wait (Retry-After) until then.</summary>
    public DateTimeOffset? ThrottledUntil { get; set; }

    public string? LastErrorCode { get; set; }

    public string? LastErrorCause { get; set; }

    public string? LastErrorFix { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    public int ConsecutiveFailures { get; set; }
}
