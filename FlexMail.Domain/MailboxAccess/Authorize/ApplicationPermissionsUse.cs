using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using FlexMail.Domain.MailboxAccess;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>An OAuth application with application permissions, and the mailboxes FlexMail reaches with it ("address (use)").</summary>
public sealed record ApplicationPermissionsUse(string ApplicationName, string ClientId, CredentialKind CredentialKind, IReadOnlyList<string> Mailboxes);
