namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// One mail the reply monitor took from the Email Reply Folder, with what it made of it. Written in the same transaction
/// as the decision it led to, before the mail is moved or deleted: <see cref="MessageKey"/> is unique, so a mail seen
/// again (after a crash between the two steps, or by a second instance) finds its row and is only removed, never decided twice.
/// </summary>
public sealed class ProcessedReply
{
    private string? _sender;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The mail's internetMessageId; for a second copy of an already processed mail, <c>copy:</c> and its Graph id.</summary>
    public required string MessageKey { get; set; }

    public string? InternetMessageId { get; set; }

    /// <summary>The mail's immutable Graph id in the reply folder (it keeps it when moved).</summary>
    public required string GraphMessageId { get; set; }

    public string? Sender
    {
        get => _sender;
        set
        {
            _sender = value;
            SenderKey = SenderKeyOf(value);
        }
    }

    /// <summary>The sender's address trimmed and lower-cased: what the sender filter and the hourly answer limit compare (indexed).</summary>
    public string? SenderKey { get; private set; }

    public string? SenderName { get; set; }

    public string? Subject { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>When the outcome was recorded (for a decision: when it was decided).</summary>
    public DateTimeOffset ProcessedAt { get; set; }

    public ReplyOutcome Outcome { get; set; }

    /// <summary>Why, in plain words ("Approve on the first line.", "The sender is not the approver the mail went to.").</summary>
    public required string Reason { get; set; }

    public Guid? ApprovalRequestId { get; set; }

    public Guid? ApproverId { get; set; }

    /// <summary>The approval mail the reply answered (matched by its token or its Message-ID).</summary>
    public Guid? ApprovalMailId { get; set; }

    /// <summary>How the reply was matched to its approval mail ("token in the subject", "In-Reply-To" ...).</summary>
    public string? MatchedBy { get; set; }

    public DecisionKind? Decision { get; set; }

    public string? Comment { get; set; }

    /// <summary>The first line of the approver's own text, which decided (or failed to).</summary>
    public string? DecisiveLine { get; set; }

    /// <summary>The text FlexMail took as the approver's own (capped).</summary>
    public string? OwnText { get; set; }

    /// <summary>The quoted part and signature that were ignored (capped).</summary>
    public string? QuotedText { get; set; }

    /// <summary>Each step's verdict with its timing (JSON list of <see cref="ReplyStep"/>).</summary>
    public string StepsJson { get; set; } = "[]";

    /// <summary>The headers that mattered (From, Authentication-Results, Auto-Submitted, In-Reply-To ...; JSON list).</summary>
    public string HeadersJson { get; set; } = "[]";

    public ReplyRemoval Removal { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>Why the last removal attempt failed, while it is still pending.</summary>
    public string? RemovalError { get; set; }

    /// <summary>FlexMail's answer mail to the sender (confirmation or why the reply could not be used), if one was sent.</summary>
    public Guid? AnswerMailId { get; set; }

    /// <summary>What support did about the reply afterwards, if anything (each also audited).</summary>
    public ReplyResolution? Resolution { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The reason support gave.</summary>
    public string? ResolutionReason { get; set; }

    /// <summary>The outcome before a reprocessing changed it.</summary>
    public ReplyOutcome? PreviousOutcome { get; set; }

    public static string? SenderKeyOf(string? address) => address?.Trim().ToLowerInvariant();
}

/// <summary>What support did about a reply that did not decide anything.</summary>
public enum ReplyResolution
{
    /// <summary>Support recorded the approver's decision from the mail (Record decision).</summary>
    Decided,

    /// <summary>The mail was read again after its cause was fixed (Reprocess); the outcome is the new one.</summary>
    Reprocessed,

    /// <summary>Looked at; nothing to do (Dismiss).</summary>
    Dismissed,
}

/// <summary>What the monitor made of a mail.</summary>
public enum ReplyOutcome
{
    Approved,
    Rejected,

    /// <summary>No keyword, an ambiguous first line, or a new mail without a reference.</summary>
    NoDecision,

    /// <summary>An automatic reply or a bounce.</summary>
    Ignored,

    /// <summary>The sender is not the approver, or the mail failed authentication.</summary>
    Refused,

    /// <summary>The same mail (internetMessageId) was processed before.</summary>
    Duplicate,

    /// <summary>The request was already decided, expired or cancelled, or this approver had answered.</summary>
    Late,

    /// <summary>Another installation's reply: left in the folder for it.</summary>
    Foreign,
}

/// <summary>Where the mail went.</summary>
public enum ReplyRemoval
{
    /// <summary>Recorded; the move or delete is still to do (after a crash, the next cycle does it).</summary>
    Pending,
    Moved,
    Deleted,

    /// <summary>Left in the folder on purpose (another installation's reply).</summary>
    Left,
}

/// <summary>One step's verdict: classify, match, sender, parse, decide, remove.</summary>
public sealed record ReplyStep(string Name, string Verdict, double Milliseconds);

/// <summary>A header that mattered to the outcome.</summary>
public sealed record ReplyHeader(string Name, string Value);
