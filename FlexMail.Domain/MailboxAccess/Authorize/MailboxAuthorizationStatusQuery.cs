using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.MailboxAccess.Authorize;

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
        return new MailboxAuthorizationStatus(role, state, user, setup is null ? null : ServerBaseUrl.Normalize(draft.ServerBaseUrl), problem?.Cause, null, applicationId);
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
