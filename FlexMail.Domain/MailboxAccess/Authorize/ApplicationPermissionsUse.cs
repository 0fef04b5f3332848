using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>An OAuth application with application permissions, and the mailboxes FlexMail reaches with it ("address (use)").</summary>
public sealed record ApplicationPermissionsUse(string ApplicationName, string ClientId, CredentialKind CredentialKind, IReadOnlyList<string> Mailboxes);
