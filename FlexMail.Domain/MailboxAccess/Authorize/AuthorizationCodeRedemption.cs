using FlexMail.Domain.Audit;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>
/// The second half of Authorize: redeems the code with MSAL (PKCE), refuses the wrong account, checks that a refresh
/// token and every requested permission came back, and only then saves the <see cref="MailboxAuthorization"/>.
/// </summary>
public sealed partial class AuthorizationCodeRedemption(
    IDbContextFactory<FlexMailDbContext> contexts,
    IMicrosoftCloud microsoft,
    MsalClientFactory clients,
    ISecretProtector protector,
    AuditLog audit,
    TimeProvider clock,
    ILogger<AuthorizationCodeRedemption> logger)
{
    internal async Task<AuthorizationOutcome> RedeemAsync(PendingAuthorization pending, string codeVerifier, AuthorizationCallback callback,
        Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.OAuthApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == pending.OAuthApplicationId, cancellationToken);
        if (application is null)
        {
            return Failed(pending, "The OAuth application this sign-in was started with was deleted meanwhile.",
                "Choose an OAuth application in the email settings and click Authorize again.");
        }
        var requested = pending.RequestedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var consentLink = AdminConsentLink.Build(microsoft.EndpointsFor(application.Cloud), application.TenantId, application.ClientId, pending.RedirectUri);
        if (!string.IsNullOrEmpty(callback.Error))
        {
            return FromEntraError(pending, callback, requested, consentLink);
        }
        if (string.IsNullOrEmpty(callback.Code))
        {
            return Failed(pending, "Entra ID sent FlexMail back without an authorization code.", "Click Authorize (or Re-Authorize) again.");
        }

        using var client = await clients.CreateAsync(application, new Uri(pending.RedirectUri), cancellationToken);
        var cache = TokenCacheBinding.Attach(client.Application, null);
        AuthenticationResult result;
        try
        {
            result = await client.Application.AcquireTokenByAuthorizationCode(requested, callback.Code)
                .WithPkceCodeVerifier(codeVerifier)
                .ExecuteAsync(cancellationToken);
        }
        catch (MsalException ex)
        {
            var failure = EntraErrors.From(ex, client.ErrorContext);
            CodeRefused(logger, pending.Role, failure.Code);
            return Failed(pending, failure.Cause, failure.Fix) with { Trace = failure.Trace };
        }

        var signedIn = result.Account?.Username ?? "(unknown account)";
        if (!string.Equals(signedIn, pending.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
        {
            WrongUser(logger, pending.Role);
            return Failed(pending,
                $"You signed in as {signedIn}, but the {Side(pending.Role)} User is {pending.UserPrincipalName}. Nothing was saved.",
                $"Click Authorize (or Re-Authorize) again and choose {pending.UserPrincipalName} in Microsoft's account list (use 'Use another account' " +
                $"if it is not listed, or sign out of {signedIn} first). To authorize {signedIn} instead, change the {Side(pending.Role)} User " +
                "in the email settings first.");
        }
        if (!TokenCacheBinding.HoldsRefreshToken(cache.Current))
        {
            return Failed(pending,
                "Entra ID issued no refresh token (the offline_access permission was not granted), so FlexMail would be signed out within an hour.",
                "Add the delegated permission offline_access to the app registration, grant admin consent, then click Authorize again.",
                ["offline_access"], consentLink);
        }
        var granted = result.Scopes.Select(PermissionName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = requested.Select(PermissionName).Where(name => !granted.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            return Failed(pending,
                $"The sign-in worked but these permissions were not granted: {string.Join(", ", missing)}. Nothing was saved.",
                "Add them as delegated Microsoft Graph permissions in the app registration and have an administrator grant consent " +
                $"for the tenant ({consentLink}), then click Authorize again.", missing, consentLink);
        }

        // What the token carries (Entra ID grants every consented permission, not only those asked for), as Graph names them.
        var carried = granted.Where(name => !MailboxUserSettings.SignInScopes.Contains(name)).Order(StringComparer.OrdinalIgnoreCase);
        await SaveAsync(db, pending, application, string.Join(' ', carried), cache.Current!, actor, cancellationToken);
        Authorized(logger, pending.Role);
        return new AuthorizationOutcome(true, $"{pending.UserPrincipalName} is authorized as the {Side(pending.Role)} User.", null,
            pending.Role, pending.ReturnUrl);
    }

    private async Task SaveAsync(FlexMailDbContext db, PendingAuthorization pending, OAuthApplication application, string grantedScopes,
        byte[] cache, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var authorization = await db.MailboxAuthorizations.SingleOrDefaultAsync(a => a.Role == pending.Role, cancellationToken);
        if (authorization is null)
        {
            authorization = new MailboxAuthorization { Role = pending.Role, UserPrincipalName = pending.UserPrincipalName };
            db.MailboxAuthorizations.Add(authorization);
        }
        authorization.UserPrincipalName = pending.UserPrincipalName;
        authorization.OAuthApplicationId = application.Id;
        authorization.Status = AuthorizationStatus.Authorized;
        authorization.StatusReason = null;
        authorization.GrantedScopes = grantedScopes;
        authorization.ProtectedTokenCache = protector.Protect(Convert.ToBase64String(cache));
        authorization.AuthorizedAt = now;
        authorization.AuthorizedBy = actor.Name;
        authorization.AuthorizedById = actor.ObjectId;
        authorization.LastRefreshedAt = now;
        authorization.ConcurrencyStamp = Guid.NewGuid();
        audit.Stage(db, actor, "Mailbox user authorized", $"{pending.Role} mailbox user {pending.UserPrincipalName}",
            "Changed: Status, GrantedScopes, ProtectedTokenCache, AuthorizedAt, AuthorizedBy, AuthorizedById, OAuthApplicationId");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuthorizationOutcome FromEntraError(PendingAuthorization pending, AuthorizationCallback callback, string[] requested, string consentLink)
    {
        var description = string.IsNullOrEmpty(callback.ErrorDescription) ? callback.Error! : callback.ErrorDescription;
        var failure = EntraErrors.From(new MsalServiceException(callback.Error!, description));
        var consent = failure.Code is 65001 or 65004 || callback.Error is "consent_required" or "access_denied";
        return consent
            ? new AuthorizationOutcome(false,
                $"{failure.Cause} FlexMail needs these permissions: {string.Join(", ", requested.Select(PermissionName))}.",
                $"{failure.Fix} An administrator can grant them for the whole tenant with the admin consent link below.",
                pending.Role, pending.ReturnUrl, [.. requested.Select(PermissionName)], consentLink) { Trace = failure.Trace }
            : Failed(pending, failure.Cause, failure.Fix) with { Trace = failure.Trace };
    }

    private static AuthorizationOutcome Failed(PendingAuthorization pending, string message, string fix,
        IReadOnlyList<string>? missing = null, string? consentLink = null) =>
        new(false, message, fix, pending.Role, pending.ReturnUrl, missing, consentLink);

    private static string PermissionName(string scope) => scope[(scope.LastIndexOf('/') + 1)..];

    private static string Side(MailboxRole role) => role == MailboxRole.Outgoing ? "SMTP" : "IMAP";

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Role} mailbox user is authorized")]
    private static partial void Authorized(ILogger logger, MailboxRole role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorize for the {Role} mailbox user: a different account signed in; nothing was saved")]
    private static partial void WrongUser(ILogger logger, MailboxRole role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entra ID refused the authorization code for the {Role} mailbox user (AADSTS{Code})")]
    private static partial void CodeRefused(ILogger logger, MailboxRole role, int? code);
}
