using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;

namespace FlexMail.Domain.Settings;

/// <summary>What is configured so far, read from the database for the dashboard and the email settings page.</summary>
/// <param name="OutgoingUsesApplicationPermissions">The SMTP User's OAuth application uses application permissions (nobody to authorize).</param>
/// <param name="LastTest">The last Test Email Configuration, null when it never ran.</param>
public sealed record SetupOverview(
    bool HasEmailSettings,
    string? SmtpUser,
    string? SmtpFromAddress,
    bool EmailApprovalEnabled,
    int OAuthApplicationCount,
    int CredentialCount,
    IReadOnlyList<AuthorizationSummary> Authorizations,
    IReadOnlyList<ExpiryNotice> ExpiryNotices,
    Guid? SmtpOAuthApplicationId = null,
    bool OutgoingUsesApplicationPermissions = false,
    LastTestSummary? LastTest = null)
{
    /// <summary>The one verdict on the whole setup, from the same facts as every other status.</summary>
    public SetupVerdict Verdict => SetupVerdict.Of(this);

    /// <summary>True only when email works as far as FlexMail knows: see <see cref="SetupVerdict"/>.</summary>
    public bool IsEmailConfigured => Verdict.Level == SetupVerdictLevel.Configured;

    /// <summary>The SMTP User's saved authorization, if any.</summary>
    public AuthorizationSummary? Outgoing => Authorizations.FirstOrDefault(a => a.Role == MailboxRole.Outgoing);
}

/// <summary>A client secret or certificate that has expired or expires within 30 days.</summary>
/// <param name="InUse">The credential is the one an OAuth application chosen in the email settings signs in with.</param>
/// <param name="Unused">A certificate no OAuth application uses at all, so its expiry stops nothing.</param>
public sealed record ExpiryNotice(string What, DateTimeOffset ExpiresAt, bool Expired, bool InUse = false, bool Unused = false);

/// <summary>One mailbox authorization as the dashboard shows it (no token material).</summary>
public sealed record AuthorizationSummary(
    MailboxRole Role,
    string UserPrincipalName,
    AuthorizationStatus Status,
    string? StatusReason,
    DateTimeOffset? AuthorizedAt,
    DateTimeOffset? LastRefreshedAt,
    Guid? OAuthApplicationId = null);

/// <summary>The last Test Email Configuration: its verdict and, when it failed, the first failed step.</summary>
public sealed record LastTestSummary(TestVerdict Verdict, DateTimeOffset FinishedAt, string? FirstProblem);
