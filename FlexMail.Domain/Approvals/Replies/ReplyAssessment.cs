using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// What the monitor made of one mail before deciding: not FlexMail's (never touched, not recorded), or an outcome with its
/// reason, the approval mail it answers, the parsed reply, and whether the sender is owed an answer mail.
/// </summary>
public sealed record ReplyAssessment
{
    /// <summary>Not a FlexMail reply: left alone and only counted.</summary>
    public bool NotOurs { get; init; }

    /// <summary>The outcome so far; Approved/Rejected become final only when the decision is recorded.</summary>
    public ReplyOutcome Outcome { get; init; }

    public string Reason { get; init; } = "";

    public ApprovalMail? ApprovalMail { get; init; }

    /// <summary>The request of a new mail (no reference) from one of its pending approvers.</summary>
    public Guid? RequestId { get; init; }

    public Guid? ApproverId { get; init; }

    public string? MatchedBy { get; init; }

    public ParsedReply? Parsed { get; init; }

    /// <summary>The sender should be told why the reply could not be used (rate limits and settings still apply).</summary>
    public bool OwesAnswer { get; init; }

    public List<ReplyStep> Steps { get; init; } = [];

    public static ReplyAssessment Foreign(string reason, List<ReplyStep> steps) =>
        new() { Outcome = ReplyOutcome.Foreign, Reason = reason, Steps = steps };
}
