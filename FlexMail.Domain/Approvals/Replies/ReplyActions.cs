namespace FlexMail.Domain.Approvals.Replies;

/// <summary>One support action on a reply: available, or why not in plain words (what the button's tooltip says).</summary>
public sealed record ReplyActionState(string? WhyNot)
{
    public static readonly ReplyActionState Available = new((string?)null);

    public bool IsAvailable => WhyNot is null;
}

/// <summary>
/// Which support actions a reply allows — Record decision, Reprocess, Dismiss — by the same rules the Live Inbox uses to
/// enable its buttons and <see cref="ReplySupport"/> applies (again, inside its transaction) before it changes anything.
/// </summary>
public sealed record ReplyActions(ReplyActionState RecordDecision, ReplyActionState Reprocess, ReplyActionState Dismiss)
{
    /// <param name="requestStatus">The status of the request the reply is matched to; null when it matches none.</param>
    /// <param name="approverDecided">Whether the reply's approver has already decided on that request.</param>
    public static ReplyActions Of(ProcessedReply row, ApprovalStatus? requestStatus, bool approverDecided) =>
        new(RecordDecisionOf(row, requestStatus, approverDecided), ReprocessOf(row), DismissOf(row));

    private static ReplyActionState RecordDecisionOf(ProcessedReply row, ApprovalStatus? requestStatus, bool approverDecided) =>
        row.Resolution is ReplyResolution.Decided or ReplyResolution.Dismissed ? new(Resolved(row, row.Resolution.Value))
        : row.Outcome != ReplyOutcome.NoDecision ? new($"Only a reply that decided nothing can have a decision recorded; this one is {Words(row.Outcome)}.")
        : requestStatus is not { } status || row.ApproverId is null ? new("The reply is not matched to an approval request and approver.")
        : status != ApprovalStatus.Pending ? new($"The request is already {status.ToString().ToLowerInvariant()}, so it takes no further decisions.")
        : approverDecided ? new("The approver has already decided on this request: each approver decides once.")
        : ReplyActionState.Available;

    private static ReplyActionState ReprocessOf(ProcessedReply row) =>
        row.Resolution is ReplyResolution.Decided or ReplyResolution.Dismissed ? new(Resolved(row, row.Resolution.Value))
        : row.Outcome is ReplyOutcome.NoDecision or ReplyOutcome.Refused or ReplyOutcome.Late or ReplyOutcome.Ignored ? ReplyActionState.Available
        : new($"Only a reply that decided nothing (no decision, refused, late or ignored) can be reprocessed; this one is {Words(row.Outcome)}.");

    private static ReplyActionState DismissOf(ProcessedReply row) =>
        row.Resolution is ReplyResolution.Decided or ReplyResolution.Dismissed ? new(Resolved(row, row.Resolution.Value))
        : row.Outcome is ReplyOutcome.Approved or ReplyOutcome.Rejected ? new($"The reply decided the request ({Words(row.Outcome)}): there is nothing to dismiss.")
        : ReplyActionState.Available;

    private static string Resolved(ProcessedReply row, ReplyResolution resolution) => resolution switch
    {
        ReplyResolution.Decided => $"A decision was already recorded for this reply by {row.ResolvedBy} at {row.ResolvedAt:u}.",
        ReplyResolution.Dismissed => $"The reply was already dismissed by {row.ResolvedBy} at {row.ResolvedAt:u}.",
        _ => $"The reply was already reprocessed by {row.ResolvedBy} at {row.ResolvedAt:u}.",
    };

    internal static string Words(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.NoDecision => "no decision",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}

/// <summary>Why a support action on a reply was refused: stable codes (the API maps them to HTTP statuses) with cause and fix.</summary>
public static class ReplySupportProblems
{
    public const string NotFoundCode = "ReplyNotFound";
    public const string NotApplicableCode = "ReplyActionNotApplicable";
    public const string MailGoneCode = "ReplyMailGone";
    public const string NotAReplyCode = "NotAReply";
    public const string ReasonRequiredCode = "ReasonRequired";
    public const string ReasonTooLongCode = "ReasonTooLong";

    public static Problem NotFound(Guid id) => new(NotFoundCode, $"There is no processed reply {id}.",
        "Use the id of a reply the Live Inbox (or GET /api/v1/replies) lists.");

    public static Problem NotApplicable(ReplyActionState state) => new(NotApplicableCode, state.WhyNot ?? "",
        "Reload the reply to see what it allows now.");

    public static Problem MailGone() => new(MailGoneCode, "The mail was deleted after it was processed, so it cannot be read again.",
        "Use Record decision with the approver's answer instead.");

    public static Problem NotAReply() => new(NotAReplyCode, "Read again, the mail no longer answers a FlexMail approval mail, so nothing changes.",
        "Use Record decision with the approver's answer, or Dismiss the reply.");

    /// <summary>The reason is required, and bounded; null when it is fine.</summary>
    public static Problem? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? new(ReasonRequiredCode, "A reason is required for every support action on a reply.", "Say why (e.g. \"Approver confirmed by phone\").",
                ApprovalFields.Reason)
            : reason.Trim().Length > ApprovalLimits.ReasonLength
                ? new(ReasonTooLongCode, $"The reason is longer than {ApprovalLimits.ReasonLength} characters.", "Shorten the reason.", ApprovalFields.Reason)
                : null;
}

/// <summary>How support actions on replies appear in the audit log.</summary>
public static class ReplySupportAudit
{
    public const string Decided = "Reply decision recorded";
    public const string Reprocessed = "Reply reprocessed";
    public const string Dismissed = "Reply dismissed";

    public static string Subject(Guid replyId) => $"Reply {replyId}";
}
