using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.EmailTest;

/// <summary>
/// What Test Email Configuration tests: one mailbox connection (its cloud and token source, delegated from the
/// signed-in mailbox user's saved sign-in or the application's own credential) and the email settings that use it.
/// The reply folder is read through the same connection unless <see cref="ReadingConnection"/> names another one.
/// </summary>
/// <param name="Cloud">The Microsoft cloud the OAuth application lives in.</param>
/// <param name="Tokens">Where the connection's Graph access tokens come from.</param>
/// <param name="PermissionMode">Delegated (a signed-in user) or application permissions.</param>
/// <param name="SmtpUser">The outgoing mailbox user ("SMTP User"): the mailbox mail is sent through.</param>
/// <param name="FromAddress">The "SMTP From Address" the test mail claims to be from (the SMTP User's own or one it may Send As).</param>
/// <param name="TestRecipient">Who receives the test mail.</param>
/// <param name="ReplyMailbox">The mailbox holding the Email Reply Folder; empty means the reading user's own mailbox.</param>
/// <param name="ReplyFolder">
/// The "Email Reply Folder" path, such as <c>Inbox/FlexMail Replies</c>; empty when email approval is off (no folder
/// is read, so the reply-folder steps are skipped).
/// </param>
public sealed record EmailConfigurationTestRequest(
    CloudInstance Cloud,
    IGraphAccessTokenSource Tokens,
    PermissionMode PermissionMode,
    string SmtpUser,
    string FromAddress,
    string TestRecipient,
    string? ReplyMailbox,
    string? ReplyFolder)
{
    /// <summary>Who asked for the test (named in the test mail's body), if known.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>
    /// The connection the reply folder is read with when the incoming (IMAP) user is not the SMTP User; null reads
    /// with the sending connection.
    /// </summary>
    public MailboxConnection? ReadingConnection { get; init; }

    /// <summary>False when email approval is off: there is no reply folder to open.</summary>
    public bool ReadsReplies => !string.IsNullOrWhiteSpace(ReplyFolder);

    /// <summary>The user whose connection reads the reply folder.</summary>
    public string ReadingUser => ReadingConnection?.User ?? SmtpUser;

    /// <summary>The mailbox whose reply folder is opened.</summary>
    public string EffectiveReplyMailbox => string.IsNullOrWhiteSpace(ReplyMailbox) ? ReadingUser : ReplyMailbox.Trim();
}
