namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// "Something happened to this reply": written in the same transaction as the change it announces, so that every portal
/// instance can follow processing by tailing this table by its increasing <see cref="Id"/> (an indexed range read), and a
/// live view re-queries what the ids name. Events carry ids only; the rows they point at hold the facts. Old events are
/// pruned: they are a feed, not a history (the audit log and the processed-reply rows are that).
/// </summary>
public sealed class ReplyEvent
{
    public long Id { get; set; }

    public ReplyEventKind Kind { get; set; }

    public Guid? ProcessedReplyId { get; set; }

    public Guid? ApprovalRequestId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public static ReplyEvent For(ReplyEventKind kind, ProcessedReply reply, DateTimeOffset at) =>
        new() { Kind = kind, ProcessedReplyId = reply.Id, ApprovalRequestId = reply.ApprovalRequestId, OccurredAt = at };
}

public enum ReplyEventKind
{
    /// <summary>A mail was processed and its outcome recorded.</summary>
    Recorded,

    /// <summary>The mail was moved or deleted (or found gone).</summary>
    Removed,

    /// <summary>Support recorded a decision for it, reprocessed it or dismissed it.</summary>
    Resolved,
}

/// <summary>Wakes this instance's event tail right after a commit, so that its own views need not wait for the next poll.</summary>
public sealed class ReplyEventSignal : WorkSignal;
