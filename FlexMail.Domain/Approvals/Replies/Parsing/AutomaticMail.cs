namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>What kind of mail a machine sent instead of the approver.</summary>
public enum AutomaticMailKind
{
    AutoReply,
    Bounce,
}

/// <summary>A mail sent automatically (out of office, delivery failure), with the header or subject that tells.</summary>
public sealed record AutomaticMail(AutomaticMailKind Kind, string Reason);
