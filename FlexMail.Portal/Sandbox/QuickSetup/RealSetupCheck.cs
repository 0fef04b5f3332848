using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// Finds a real (non-sandbox) setup that a quick setup would replace: saved email settings whose OAuth application signs
/// in to another tenant than the sandbox's, or whose users are not sandbox users. A setup made against the sandbox (by
/// hand or by an earlier quick setup) is not real: it is replaced without asking. OAuth applications not chosen in the
/// settings are never touched, so they do not count.
/// </summary>
public sealed class RealSetupCheck(IDbContextFactory<FlexMailDbContext> contexts)
{
    /// <returns>What would be replaced, or null when nothing real is set up.</returns>
    public async Task<RealSetup?> FindAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.EmailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == EmailSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            return null;
        }
        Guid?[] chosen = [settings.SmtpOAuthApplicationId, settings.IncomingSameAsOutgoing ? null : settings.ImapOAuthApplicationId];
        var ids = chosen.OfType<Guid>().ToList();
        var applications = await db.OAuthApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var realApplications = applications.Where(a => !SandboxTenant.IsThisTenant(a.TenantId.Trim())).ToList();
        string?[] users = [settings.SmtpUser, settings.SmtpFromAddress, settings.IncomingSameAsOutgoing ? null : settings.ImapUser];
        var realUsers = users.Where(u => !string.IsNullOrWhiteSpace(u) && !IsSandboxAddress(u!)).ToList();
        if (realApplications.Count == 0 && realUsers.Count == 0)
        {
            return null;
        }

        var replaced = new List<string>
        {
            $"the email settings (SMTP User {Shown(settings.SmtpUser)}, SMTP From Address {Shown(settings.SmtpFromAddress)}, " +
            $"Server Base URL {Shown(settings.ServerBaseUrl)})",
        };
        replaced.AddRange(realApplications.Select(a =>
            $"the choice of the OAuth application {a.Name} (tenant {a.TenantId}) in them; the application itself is kept"));
        var authorizations = await db.MailboxAuthorizations.AsNoTracking()
            .Where(a => a.Status != AuthorizationStatus.NotAuthorized).ToListAsync(cancellationToken);
        replaced.AddRange(authorizations.Where(a => !IsSandboxAddress(a.UserPrincipalName)).Select(a =>
            $"the {(a.Role == MailboxRole.Outgoing ? "SMTP" : "IMAP")} User's authorization of {a.UserPrincipalName}, which stops being used"));
        return new RealSetup(replaced);
    }

    private static bool IsSandboxAddress(string address) =>
        address.Trim().EndsWith("@" + SandboxTenant.Domain, StringComparison.OrdinalIgnoreCase);

    private static string Shown(string? value) => string.IsNullOrWhiteSpace(value) ? "(none)" : value.Trim();
}
