using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>Reads the saved email settings for the outgoing or incoming mailbox user.</summary>
public sealed class MailboxUserSettings(
    IDbContextFactory<FlexMailDbContext> contexts, EmailSettingsService settings, IMicrosoftCloud cloud, IOptions<OAuthOptions> oauth)
{
    /// <summary>The code of every refusal: the saved settings are not enough to sign the role's user in.</summary>
    public const string Incomplete = "MailboxUserSetupIncomplete";

    /// <summary>Scopes MSAL adds on its own; Graph scopes are named against the cloud's Graph resource.</summary>
    public static readonly IReadOnlySet<string> SignInScopes = new HashSet<string>(["openid", "profile", "offline_access"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The saved settings for a role, or what is missing, in plain words.</summary>
    public async Task<Result<MailboxUserSetup>> ForRoleAsync(MailboxRole role, CancellationToken cancellationToken)
    {
        var draft = await settings.GetDraftAsync(cancellationToken);
        var (user, applicationId) = role == MailboxRole.Outgoing
            ? (draft.SmtpUser.Trim(), draft.SmtpOAuthApplicationId)
            : (draft.IncomingUser, draft.IncomingSameAsOutgoing ? draft.SmtpOAuthApplicationId : draft.ImapOAuthApplicationId);
        var side = role == MailboxRole.Outgoing ? "SMTP" : "IMAP";
        if (user.Length == 0)
        {
            return Missing($"No {side} User is saved yet: enter the mailbox user in the email settings and save them before you authorize.");
        }
        if (applicationId is null)
        {
            return Missing($"No OAuth application is chosen for the {side} User: choose one in the email settings and save them before you authorize.");
        }
        if (ServerBaseUrl.Problem(draft.ServerBaseUrl) is { } problem)
        {
            return Missing($"{problem} Save it in the email settings before you authorize: Entra ID sends you back to it.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null)
        {
            return Missing($"The OAuth application chosen for the {side} User no longer exists: choose another one in the email settings.");
        }
        if (application.PermissionMode == PermissionMode.Application)
        {
            return Missing($"The OAuth application '{application.Name}' uses application permissions: it signs in with its own " +
                             "credential, so there is nothing to authorize. Authorize is only for delegated permissions.");
        }
        var redirectUri = ServerBaseUrl.RedirectUri(draft.ServerBaseUrl, oauth.Value.CallbackPath);
        var endpoints = cloud.EndpointsFor(application.Cloud);
        var scopes = RequiredPermissions.AuthorizeScopes(PermissionNeeds.From(draft))
            .Where(scope => !SignInScopes.Contains(scope))
            .Select(endpoints.GraphScope)
            .ToList();
        var consent = Settings.AdminConsentLink.Build(endpoints, application.TenantId, application.ClientId, redirectUri);
        return new MailboxUserSetup(role, user, application, redirectUri, scopes, consent);
    }

    private static Problem Missing(string cause) => new(Incomplete, cause);
}
