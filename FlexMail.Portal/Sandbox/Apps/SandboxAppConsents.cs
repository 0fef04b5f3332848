using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>What has been consented for an app: admin consent (tenant-wide scopes, application roles) and users' own consents.</summary>
public sealed record SandboxConsentStatus(IReadOnlyList<string> AdminConsentedScopes, IReadOnlyList<string> GrantedRoles, int UserConsents)
{
    public static readonly SandboxConsentStatus None = new([], [], 0);

    public bool HasAdminConsent => AdminConsentedScopes.Count > 0 || GrantedRoles.Count > 0;

    /// <summary>Whether every permission the app asks for is covered by admin consent.</summary>
    public bool Covers(SandboxApplication app) =>
        app.DelegatedPermissions.All(p => AdminConsentedScopes.Contains(p, StringComparer.OrdinalIgnoreCase))
        && app.ApplicationPermissions.All(p => GrantedRoles.Contains(p, StringComparer.OrdinalIgnoreCase));

    public string Describe(SandboxApplication app) =>
        !HasAdminConsent
            ? UserConsents > 0 ? $"Consented by {UserConsents} user(s); no admin consent" : "Not granted"
            : Covers(app) ? "Granted for Contoso" : "Granted for Contoso, but not for every permission asked for";
}

/// <summary>Reads the consents of app registrations for the sandbox's App registrations pages.</summary>
public sealed class SandboxAppConsents(IDbContextFactory<SandboxDbContext> contexts)
{
    /// <summary>Consent status by app object id.</summary>
    public async Task<IReadOnlyDictionary<Guid, SandboxConsentStatus>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grants = await db.PermissionGrants.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await db.AppRoleAssignments.AsNoTracking().ToListAsync(cancellationToken);
        return grants.Select(g => g.ApplicationId).Concat(roles.Select(r => r.ApplicationId)).Distinct().ToDictionary(
            appId => appId,
            appId => new SandboxConsentStatus(
                grants.Where(g => g.ApplicationId == appId && g.UserId == null).SelectMany(g => g.Scopes).ToList(),
                roles.Where(r => r.ApplicationId == appId).Select(r => r.Role).ToList(),
                grants.Count(g => g.ApplicationId == appId && g.UserId != null)));
    }

    public async Task<SandboxConsentStatus> ForAsync(Guid appObjectId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).GetValueOrDefault(appObjectId) ?? SandboxConsentStatus.None;
}
