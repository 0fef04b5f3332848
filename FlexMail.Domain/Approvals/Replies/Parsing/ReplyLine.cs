namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>What a line of a reply is, as far as its source (HTML structure, a leading <c>&gt;</c>) tells.</summary>
internal enum ReplyLineKind
{
    Text,
    Quote,
    Signature,
}

/// <summary>One line of a reply, untrimmed text without its line break.</summary>
internal readonly record struct ReplyLine(string Text, ReplyLineKind Kind);
