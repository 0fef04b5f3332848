using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// Writes the seeded app registrations (<see cref="SandboxSeedApps"/>) with their consents and role assignments. The
/// portal signs in with FlexMail Portal, so it is written again whenever it is missing: in a new or reset sandbox, in a
/// sandbox made before it existed, and after someone deleted it.
/// </summary>
public sealed partial class SandboxAppSeeder(IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock, ILogger<SandboxAppSeeder> logger)
{
    /// <returns>True when FlexMail Portal was missing and has been written.</returns>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Applications.AnyAsync(a => a.AppId == SandboxSeedApps.PortalClientId, cancellationToken))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var portal = SandboxSeedApps.Portal(now);
        db.Applications.Add(portal);
        db.PermissionGrants.Add(new SandboxPermissionGrant { ApplicationId = portal.Id, Scopes = [.. portal.DelegatedPermissions], GrantedAt = now });
        db.RoleAssignments.AddRange(SandboxSeedApps.PortalUserRoles.Select(assignment => new SandboxRoleAssignment
        {
            ResourceApplicationId = portal.Id, AppRoleId = assignment.Role.Id, UserId = assignment.User.Id, CreatedAt = now,
        }));

        var pipeline = await db.Applications.SingleOrDefaultAsync(a => a.AppId == SandboxSeedApps.PipelineClientId, cancellationToken);
        if (pipeline is null)
        {
            db.Applications.Add(pipeline = SandboxSeedApps.Pipeline(now));
        }
        db.RoleAssignments.Add(new SandboxRoleAssignment
        {
            ResourceApplicationId = portal.Id, AppRoleId = SandboxSeedApps.Integrator.Id, ClientApplicationId = pipeline.Id, CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, SandboxSeedApps.PortalName, SandboxSeedApps.PortalClientId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox app registration {Name} ({ClientId}) created with its app roles and assignments")]
    private static partial void LogSeeded(ILogger logger, string name, Guid clientId);
}
