namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>A reply's body as Graph gives it: one of <see cref="Text"/> or <see cref="Html"/> (body.contentType).</summary>
public sealed record ReplyBody(string? Text, string? Html);

/// <summary>What a reply decided.</summary>
public enum ReplyDecision
{
    None,
    Approve,
    Reject,
}

/// <summary>Why a reply decided nothing.</summary>
public enum ReplyAmbiguity
{
    None,
    Empty,
    NoKeyword,
    BothKeywords,
    Negation,
    TextBeforeKeyword,
}

/// <summary>A parsed reply: the decision on the first line of the approver's own text, the comment and why.</summary>
/// <param name="Decision">Approve, Reject or None.</param>
/// <param name="Comment">The comment after the keyword; null when empty.</param>
/// <param name="OwnText">The approver's own text (banners, salutation, quote and signature removed), lines joined with "\n".</param>
/// <param name="DecisiveLine">The first line that was judged; null when the own text is empty.</param>
/// <param name="QuotedText">What was cut off as quote or signature, for display; null when nothing was.</param>
/// <param name="Ambiguity">Why nothing was decided; None when <paramref name="Decision"/> is not None.</param>
/// <param name="Reason">The verdict in plain words.</param>
public sealed record ParsedReply(
    ReplyDecision Decision,
    string? Comment,
    string OwnText,
    string? DecisiveLine,
    string? QuotedText,
    ReplyAmbiguity Ambiguity,
    string Reason);
