using FlexMail.Domain.Mail;

namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>
/// A reply read from raw MIME: message ids in angle brackets as Graph gives them, the top-level headers including
/// the body's <c>Content-*</c> ones, and the body (the HTML part when there is one, else the text).
/// </summary>
public sealed record ReplyMail(string? Subject, string? From, string? InternetMessageId, string? InReplyTo,
    IReadOnlyList<string> References, IReadOnlyList<MailHeader> Headers, ReplyBody Body);
