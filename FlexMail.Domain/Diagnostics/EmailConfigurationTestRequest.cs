using FlexMail.Domain.Mail;
using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.Diagnostics;

/// <summary>
/// What Test Email Configuration tests: one mailbox connection (its cloud and token source, delegated from the
/// signed-in mailbox user's saved sign-in or the application's own credential) and the email settings that use it.
/// </summary>
/// <param name="Cloud">The Microsoft cloud the OAuth application lives in.</param>
/// <param name="Tokens">Where the connection's Graph access tokens come from.</param>
/// <param name="PermissionMode">Delegated (a signed-in user) or application permissions.</param>
/// <param name="SmtpUser">The outgoing mailbox user ("SMTP User"): the mailbox mail is sent through.</param>
/// <param name="FromAddress">The "SMTP From Address" the test mail claims to be from (the SMTP User's own or one it may Send As).</param>
/// <param name="TestRecipient">Who receives the test mail.</param>
/// <param name="ReplyMailbox">The mailbox holding the Email Reply Folder; empty means the SMTP User's own mailbox.</param>
/// <param name="ReplyFolder">The "Email Reply Folder" path, such as <c>Inbox/FlexMail Replies</c>.</param>
public sealed record EmailConfigurationTestRequest(
    CloudInstance Cloud,
    IGraphAccessTokenSource Tokens,
    PermissionMode PermissionMode,
    string SmtpUser,
    string FromAddress,
    string TestRecipient,
    string? ReplyMailbox,
    string ReplyFolder)
{
    /// <summary>Who asked for the test (named in the test mail's body), if known.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The mailbox whose reply folder is opened.</summary>
    public string EffectiveReplyMailbox => string.IsNullOrWhiteSpace(ReplyMailbox) ? SmtpUser : ReplyMailbox.Trim();
}
