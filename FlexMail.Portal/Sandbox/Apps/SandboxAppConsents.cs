using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>Reads the consents of app registrations for the sandbox's App registrations pages.</summary>
public sealed class SandboxAppConsents(IDbContextFactory<SandboxDbContext> contexts)
{
    /// <summary>Consent status by app object id.</summary>
    public async Task<IReadOnlyDictionary<Guid, SandboxConsentStatus>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grants = await db.PermissionGrants.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await db.AppRoleAssignments.AsNoTracking().ToListAsync(cancellationToken);
        var apiRoles = await db.RoleAssignments.AsNoTracking().Where(a => a.ClientApplicationId != null)
            .Join(db.Applications.AsNoTracking(), a => a.ResourceApplicationId, resource => resource.Id,
                (a, resource) => new { ClientId = a.ClientApplicationId!.Value, Permission = new SandboxApiRolePermission(resource.AppId, a.AppRoleId) })
            .ToListAsync(cancellationToken);
        return grants.Select(g => g.ApplicationId).Concat(roles.Select(r => r.ApplicationId)).Concat(apiRoles.Select(r => r.ClientId)).Distinct()
            .ToDictionary(
                appId => appId,
                appId => new SandboxConsentStatus(
                    grants.Where(g => g.ApplicationId == appId && g.UserId == null).SelectMany(g => g.Scopes).ToList(),
                    roles.Where(r => r.ApplicationId == appId).Select(r => r.Role).ToList(),
                    grants.Count(g => g.ApplicationId == appId && g.UserId != null),
                    apiRoles.Where(r => r.ClientId == appId).Select(r => r.Permission).ToList()));
    }

    public async Task<SandboxConsentStatus> ForAsync(Guid appObjectId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).GetValueOrDefault(appObjectId) ?? SandboxConsentStatus.None;
}
