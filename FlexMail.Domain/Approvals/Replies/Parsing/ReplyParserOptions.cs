namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>What the reply parser accepts beyond the built-in keywords, and how much of a body it reads.</summary>
public sealed class ReplyParserOptions
{
    /// <summary>Default options: the built-in keywords, 1 MiB of body.</summary>
    public static ReplyParserOptions Default { get; } = new();

    /// <summary>Words that approve besides <c>approve</c> and <c>approved</c> (whole word, any case).</summary>
    public IReadOnlyList<string> ExtraApproveKeywords { get; init; } = [];

    /// <summary>Words that reject besides <c>reject</c> and <c>rejected</c> (whole word, any case).</summary>
    public IReadOnlyList<string> ExtraRejectKeywords { get; init; } = [];

    /// <summary>A longer body is cut to this many characters before parsing.</summary>
    public int MaxBodyChars { get; init; } = 1_048_576;
}
