namespace FlexMail.Domain.Approvals.Outbox;

/// <summary>The words and addresses an approval mail is written with.</summary>
/// <param name="ReplyAddress">The Approval Reply Address: Reply-To, and where the Approve / Reject buttons write to.</param>
public sealed record ApprovalMailContext(ApprovalRequest Request, ApprovalMail Mail, ReplyToken? Token, string ReplyAddress, string InstallationCode);

/// <summary>A composed mail: subject, HTML and the text alternative, and FlexMail's own headers.</summary>
public sealed record ComposedMail(string Subject, string HtmlBody, string TextBody, IReadOnlyList<Mail.MailHeader> Headers);
