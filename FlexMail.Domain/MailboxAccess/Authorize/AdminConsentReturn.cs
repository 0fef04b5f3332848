using FlexMail.Domain.Audit;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>
/// The browser coming back from FlexMail's admin consent link (<c>admin_consent=True&amp;tenant=…</c>, or an error):
/// says whether consent was granted, and resumes the saved sign-ins that only the missing consent had stopped, when
/// their refresh token still works (audited); the others are told to Authorize.
/// </summary>
public sealed partial class AdminConsentReturn(
    IDbContextFactory<FlexMailDbContext> contexts,
    DelegatedTokenSources tokens,
    AuditLog audit,
    ILogger<AdminConsentReturn> logger)
{
    private static readonly int[] ConsentCodes = [65001, 65004];

    /// <summary>True when the authorization's status reason ("cause (AADSTSnnn)") names missing consent.</summary>
    public static bool ConsentCaused(string? statusReason) => MailboxAuthorization.StoppedBy(statusReason, ConsentCodes);

    public async Task<AuthorizationOutcome> CompleteAsync(AuthorizationCallback callback, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (!string.IsNullOrEmpty(callback.Error) || !string.Equals(callback.AdminConsent, "True", StringComparison.OrdinalIgnoreCase))
        {
            return NotGranted(callback);
        }
        var tenant = string.IsNullOrEmpty(callback.Tenant) ? "the tenant" : $"the tenant {callback.Tenant}";
        var notes = new List<string>();
        var stillToDo = new List<string>();
        foreach (var authorization in await AuthorizationsAsync(cancellationToken))
        {
            var side = Side(authorization.Role);
            if (authorization.Status == AuthorizationStatus.Authorized)
            {
                continue;
            }
            if (authorization.Status == AuthorizationStatus.NeedsReauthorization && ConsentCaused(authorization.StatusReason))
            {
                var failure = await tokens.For(authorization.Role).TryRefreshSavedSignInAsync(cancellationToken);
                if (failure is null && await ResumeAsync(authorization, actor, cancellationToken))
                {
                    notes.Add($"The {side} User's saved sign-in ({authorization.UserPrincipalName}) works again; Re-Authorize is not needed.");
                    continue;
                }
                notes.Add($"The {side} User's saved sign-in still does not work: {failure?.Cause ?? "it changed meanwhile."}");
            }
            stillToDo.Add($"click {(authorization.Status == AuthorizationStatus.NotAuthorized ? "Authorize" : "Re-Authorize")} for the {side} User " +
                          $"and sign in as {authorization.UserPrincipalName}");
        }
        AdminConsentGranted(logger, notes.Count, stillToDo.Count);
        var message = string.Join(' ', [$"Admin consent was granted for {tenant}: FlexMail's permissions are granted for all its users.", .. notes]);
        var fix = stillToDo.Count == 0 ? null : $"Authorize is still needed: {string.Join("; ", stillToDo)}.";
        return new AuthorizationOutcome(true, message, fix, null, MailboxAuthorizationFlow.DefaultReturnUrl, Kind: AuthorizationOutcomeKind.AdminConsent);
    }

    private async Task<List<MailboxAuthorization>> AuthorizationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MailboxAuthorizations.AsNoTracking().OrderBy(a => a.Role).ToListAsync(cancellationToken);
    }

    /// <summary>Authorized again, unless the authorization changed since it was read (a new Authorize, another refusal).</summary>
    private async Task<bool> ResumeAsync(MailboxAuthorization stopped, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var authorization = await db.MailboxAuthorizations.SingleOrDefaultAsync(a => a.Id == stopped.Id, cancellationToken);
        if (authorization is not { Status: AuthorizationStatus.NeedsReauthorization } || !ConsentCaused(authorization.StatusReason))
        {
            return authorization is { Status: AuthorizationStatus.Authorized };
        }
        authorization.Status = AuthorizationStatus.Authorized;
        authorization.StatusReason = null;
        authorization.ConcurrencyStamp = Guid.NewGuid();
        audit.Stage(db, actor, "Mailbox authorization resumed", $"{authorization.Role} user {authorization.UserPrincipalName}",
            "Admin consent was granted for the tenant; the saved sign-in works again.");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static AuthorizationOutcome NotGranted(AuthorizationCallback callback)
    {
        var description = string.IsNullOrEmpty(callback.ErrorDescription) ? callback.Error : callback.ErrorDescription;
        var failure = string.IsNullOrEmpty(description) ? null : EntraErrors.From(new MsalServiceException(callback.Error ?? "admin_consent", description));
        var declined = callback.Error is "access_denied" or "consent_required" || failure?.Code is 65004;
        var message = declined
            ? "Admin consent was not granted: the consent page was cancelled, or the account that signed in may not grant consent for the tenant."
            : $"Admin consent was not granted: {failure?.Cause ?? "Entra ID sent FlexMail back without saying that consent was granted."}";
        var fix = declined || failure is null
            ? "Open the admin consent link again, sign in as an administrator of the tenant (Global Administrator, Privileged Role " +
              "Administrator or Cloud Application Administrator) and choose Accept. Or, in the app registration, open API permissions " +
              "and choose \"Grant admin consent\"."
            : failure.Fix;
        return new AuthorizationOutcome(false, message, fix, null, MailboxAuthorizationFlow.DefaultReturnUrl, Kind: AuthorizationOutcomeKind.AdminConsent);
    }

    private static string Side(MailboxRole role) => role == MailboxRole.Outgoing ? "SMTP" : "IMAP";

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin consent was granted; {Resumed} note(s) on saved sign-ins, {ToAuthorize} still to authorize")]
    private static partial void AdminConsentGranted(ILogger logger, int resumed, int toAuthorize);
}
