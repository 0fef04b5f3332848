using FlexMail.Domain.MailboxAccess;

namespace FlexMail.Domain.Settings;

/// <summary>What is configured so far, read from the database for the dashboard.</summary>
public sealed record SetupOverview(
    bool HasEmailSettings,
    string? SmtpUser,
    string? SmtpFromAddress,
    bool EmailApprovalEnabled,
    int OAuthApplicationCount,
    int CredentialCount,
    IReadOnlyList<AuthorizationSummary> Authorizations,
    IReadOnlyList<ExpiryNotice> ExpiryNotices)
{
    /// <summary>Email works only once the outgoing user is set, has an application, and is authorized.</summary>
    public bool IsEmailConfigured =>
        HasEmailSettings && OAuthApplicationCount > 0
        && Authorizations.Any(authorization =>
            authorization.Role == MailboxRole.Outgoing && authorization.Status == AuthorizationStatus.Authorized);
}

/// <summary>
/// A client secret or certificate that has expired or expires within 30 days. <see cref="Unused"/>: a certificate no
/// OAuth application uses, so its expiry stops nothing.
/// </summary>
public sealed record ExpiryNotice(string What, DateTimeOffset ExpiresAt, bool Expired, bool Unused = false);

/// <summary>One mailbox authorization as the dashboard shows it (no token material).</summary>
public sealed record AuthorizationSummary(
    MailboxRole Role,
    string UserPrincipalName,
    AuthorizationStatus Status,
    string? StatusReason,
    DateTimeOffset? AuthorizedAt,
    DateTimeOffset? LastRefreshedAt);
