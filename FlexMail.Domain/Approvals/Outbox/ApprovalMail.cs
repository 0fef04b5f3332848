namespace FlexMail.Domain.Approvals.Outbox;

/// <summary>
/// One mail of the approval outbox: the approval mail to an approver, a reminder, or the requester's expiry notice.
/// It is recorded before anything is sent; the sender then records the Graph draft (and its internetMessageId) before
/// sending it, so that after a crash it can tell a sent mail from an unsent one and never sends one twice.
/// </summary>
public sealed class ApprovalMail
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApprovalRequestId { get; set; }

    /// <summary>The approver it goes to; null for the requester's expiry notice.</summary>
    public Guid? ApproverId { get; set; }

    public ApprovalMailKind Kind { get; set; }

    public required string Recipient { get; set; }

    /// <summary>SHA-256 (hex) of the mail's reply token; null for mails that take no reply.</summary>
    public string? TokenHash { get; set; }

    /// <summary>The reply token, encrypted, until the mail is sent (then cleared: only the hash stays).</summary>
    public string? ProtectedToken { get; set; }

    public ApprovalMailStatus Status { get; set; }

    /// <summary>Send attempts started.</summary>
    public int Attempts { get; set; }

    /// <summary>When the sender may take it (next); null once sent or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The Graph draft it was written to (immutable id), recorded before the draft is sent.</summary>
    public string? DraftId { get; set; }

    /// <summary>The mail's Message-ID, which replies name in In-Reply-To / References.</summary>
    public string? InternetMessageId { get; set; }

    /// <summary>Graph's error code (or FlexMail's) of the last failure.</summary>
    public string? FailureCode { get; set; }

    public string? FailureCause { get; set; }

    public string? FailureFix { get; set; }

    /// <summary>For <see cref="ApprovalMailKind.ReplyAnswer"/>: the answer's subject and text, written when the reply was processed.</summary>
    public string? AnswerSubject { get; set; }

    public string? AnswerText { get; set; }
}

public enum ApprovalMailKind
{
    Request,
    Reminder,
    ExpiryNotice,

    /// <summary>FlexMail's answer to an approver's reply: the confirmation of a recorded decision, or why the reply could not be used.</summary>
    ReplyAnswer,
}

public enum ApprovalMailStatus
{
    /// <summary>Waiting for the sender (first time, or again after a throttled attempt).</summary>
    Queued,

    /// <summary>The draft exists in the mailbox and is being sent; after a crash the sender reconciles it.</summary>
    Sending,

    Sent,

    /// <summary>Given up after bounded retries, or refused for good (the cause and fix say why).</summary>
    Failed,

    /// <summary>Not sent because it was no longer needed: the request closed before its turn.</summary>
    Skipped,
}
