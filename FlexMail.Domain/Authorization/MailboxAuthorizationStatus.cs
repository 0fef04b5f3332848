using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Authorization;

/// <summary>
/// What the Authorize panel of a role shows: the saved authorization (if any), the configured user, whether Authorize
/// can start and why not, or, for an application that uses application permissions, that there is nobody to authorize.
/// </summary>
/// <param name="Role">The mailbox role.</param>
/// <param name="Authorization">The saved authorization of the role, null when it was never authorized.</param>
/// <param name="ConfiguredUser">The saved SMTP/IMAP User (empty when none is saved).</param>
/// <param name="ServerBaseUrl">The saved Server Base URL in canonical form, where Authorize starts; null when Authorize cannot start.</param>
/// <param name="Problem">Why Authorize cannot start, in plain words; null when it can.</param>
/// <param name="ApplicationPermissions">Set when the role's OAuth application uses application permissions.</param>
/// <param name="ConfiguredApplicationId">The OAuth application saved for the role now.</param>
public sealed record MailboxAuthorizationStatus(
    MailboxRole Role,
    MailboxAuthorizationState? Authorization,
    string ConfiguredUser,
    string? ServerBaseUrl,
    string? Problem,
    ApplicationPermissionsUse? ApplicationPermissions,
    Guid? ConfiguredApplicationId = null)
{
    public bool CanAuthorize => Problem is null && ServerBaseUrl is not null && ApplicationPermissions is null;

    /// <summary>True when the role was authorized before (the button then reads Re-Authorize).</summary>
    public bool WasAuthorized => Authorization is { Status: not AuthorizationStatus.NotAuthorized };

    /// <summary>True when the authorized account is not the user saved now (the SMTP/IMAP User was changed since).</summary>
    public bool AuthorizedAnotherUser =>
        Authorization is { Status: AuthorizationStatus.Authorized } authorization
        && MailboxAuthorization.IsForAnotherUser(authorization.UserPrincipalName, ConfiguredUser);

    /// <summary>True when the authorization was made through another OAuth application than the one saved now.</summary>
    public bool AuthorizedThroughAnotherApplication =>
        Authorization is { Status: AuthorizationStatus.Authorized } authorization
        && MailboxAuthorization.IsThroughAnotherApplication(authorization.OAuthApplicationId, ConfiguredApplicationId);
}

/// <summary>A saved authorization as the portal shows it (no token material).</summary>
public sealed record MailboxAuthorizationState(
    Guid OAuthApplicationId,
    string UserPrincipalName,
    AuthorizationStatus Status,
    string? StatusReason,
    DateTimeOffset? AuthorizedAt,
    string? AuthorizedBy,
    DateTimeOffset? LastRefreshedAt,
    IReadOnlyList<string> GrantedScopes);

/// <summary>An OAuth application with application permissions, and the mailboxes FlexMail reaches with it ("address (use)").</summary>
public sealed record ApplicationPermissionsUse(string ApplicationName, string ClientId, CredentialKind CredentialKind, IReadOnlyList<string> Mailboxes);

/// <summary>Reads the <see cref="MailboxAuthorizationStatus"/> of a role from the saved settings and authorization.</summary>
public sealed class MailboxAuthorizationStatusQuery(
    IDbContextFactory<FlexMailDbContext> contexts, EmailSettingsService settings, MailboxUserSettings userSettings)
{
    public async Task<MailboxAuthorizationStatus> GetAsync(MailboxRole role, CancellationToken cancellationToken)
    {
        var draft = await settings.GetDraftAsync(cancellationToken);
        var user = role == MailboxRole.Outgoing ? draft.SmtpUser.Trim() : draft.IncomingUser;
        var applicationId = ApplicationOf(draft, role);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var authorization = await db.MailboxAuthorizations.AsNoTracking()
            .Where(a => a.Role == role)
            .Select(a => new { a.OAuthApplicationId, a.UserPrincipalName, a.Status, a.StatusReason, a.AuthorizedAt, a.AuthorizedBy, a.LastRefreshedAt, a.GrantedScopes })
            .SingleOrDefaultAsync(cancellationToken);
        var state = authorization is null
            ? null
            : new MailboxAuthorizationState(authorization.OAuthApplicationId, authorization.UserPrincipalName, authorization.Status, authorization.StatusReason,
                authorization.AuthorizedAt, authorization.AuthorizedBy, authorization.LastRefreshedAt,
                [.. (authorization.GrantedScopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        var application = applicationId is null
            ? null
            : await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is { PermissionMode: PermissionMode.Application })
        {
            var use = new ApplicationPermissionsUse(application.Name, application.ClientId, application.CredentialKind, MailboxesReached(draft, application.Id));
            return new MailboxAuthorizationStatus(role, state, user, null, null, use, applicationId);
        }

        var (setup, problem) = await userSettings.ForRoleAsync(role, cancellationToken);
        return new MailboxAuthorizationStatus(role, state, user, setup is null ? null : ServerBaseUrl.Normalize(draft.ServerBaseUrl), problem, null, applicationId);
    }

    private static Guid? ApplicationOf(EmailSettingsDraft draft, MailboxRole role) =>
        role == MailboxRole.Outgoing || draft.IncomingSameAsOutgoing ? draft.SmtpOAuthApplicationId : draft.ImapOAuthApplicationId;

    /// <summary>
    /// Every mailbox FlexMail uses with <paramref name="applicationId"/>, with what it is for: the SMTP User and From
    /// address, the IMAP User and the mailbox replies are read from.
    /// </summary>
    private static List<string> MailboxesReached(EmailSettingsDraft draft, Guid applicationId)
    {
        var uses = new List<(string Address, string Use)>();
        if (ApplicationOf(draft, MailboxRole.Outgoing) == applicationId)
        {
            uses.AddRange([(draft.SmtpUser, "SMTP User"), (draft.SmtpFromAddress, "SMTP From Address")]);
        }
        if (ApplicationOf(draft, MailboxRole.Incoming) == applicationId && (draft.EmailApprovalEnabled || !draft.IncomingSameAsOutgoing))
        {
            uses.AddRange([(draft.IncomingUser, "IMAP User"), (draft.EffectiveReplyMailbox, "reply mailbox")]);
        }
        return
        [
            .. uses.Select(use => (Address: use.Address.Trim(), use.Use))
                .Where(use => use.Address.Length > 0)
                .GroupBy(use => use.Address, StringComparer.OrdinalIgnoreCase)
                .Select(group => $"{group.Key} ({string.Join(", ", group.Select(use => use.Use).Distinct())})"),
        ];
    }
}
