using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// The Enterprise application side of app registrations: "Assignment required?", the users assigned to its roles
/// (Users and groups), and the roles users and client apps hold on it when tokens are issued.
/// </summary>
public sealed class SandboxEnterpriseApps(IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    public async Task SetAssignmentRequiredAsync(Guid clientId, bool required, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Applications.Where(a => a.AppId == clientId)
            .ExecuteUpdateAsync(update => update.SetProperty(a => a.AssignmentRequired, required), cancellationToken);
    }

    public async Task<IReadOnlyList<SandboxUserAssignment>> ListUserAssignmentsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.AppId == clientId, cancellationToken);
        if (app is null)
        {
            return [];
        }
        var rows = await db.RoleAssignments.AsNoTracking().Where(a => a.ResourceApplicationId == app.Id && a.UserId != null)
            .Join(db.Users.AsNoTracking(), a => a.UserId, u => (Guid?)u.Id, (a, u) => new { Assignment = a, User = u })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new SandboxUserAssignment(row.Assignment.Id, row.User.Id, row.User.DisplayName, row.User.UserPrincipalName,
                row.Assignment.AppRoleId, RoleName(app, row.Assignment.AppRoleId), row.Assignment.CreatedAt))
            .OrderBy(a => a.UserDisplayName).ThenBy(a => a.RoleDisplayName)];
    }

    /// <summary>The client apps granted roles of the app, by their API permissions and admin consent.</summary>
    public async Task<IReadOnlyList<SandboxClientAssignment>> ListClientAssignmentsAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.AppId == clientId, cancellationToken);
        if (app is null)
        {
            return [];
        }
        var rows = await db.RoleAssignments.AsNoTracking().Where(a => a.ResourceApplicationId == app.Id && a.ClientApplicationId != null)
            .Join(db.Applications.AsNoTracking(), a => a.ClientApplicationId, c => (Guid?)c.Id, (a, c) => new { a.AppRoleId, c.AppId, c.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new SandboxClientAssignment(row.AppId, row.DisplayName,
                app.AppRoles.FirstOrDefault(r => r.Id == row.AppRoleId)?.Value ?? row.AppRoleId.ToString()))
            .OrderBy(a => a.ClientName).ThenBy(a => a.RoleValue)];
    }

    /// <summary>
    /// Assigns a user to one of the app's roles for users, or to Default Access when the app defines none. Shared mailboxes
    /// cannot be assigned (nobody signs in as one).
    /// </summary>
    public async Task<Result> AssignUserAsync(Guid clientId, Guid userId, Guid appRoleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.SingleAsync(a => a.AppId == clientId, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is not { CanSignIn: true })
        {
            return new Problem("NotAPerson", "Only users who sign in can be assigned: a shared mailbox has no sign-in.", Field: "User");
        }
        var userRoles = app.AppRoles.Where(r => r.AllowsUsers).ToList();
        var valid = appRoleId == SandboxAppRole.DefaultAccessId ? userRoles.Count == 0 : userRoles.Any(r => r.Id == appRoleId);
        if (!valid)
        {
            return new Problem("RoleNotForUsers", $"{app.DisplayName} has no role with that id for users.", "Choose one of the roles listed.", "Role");
        }
        if (await db.RoleAssignments.AnyAsync(a => a.ResourceApplicationId == app.Id && a.UserId == userId && a.AppRoleId == appRoleId, cancellationToken))
        {
            return new Problem("AlreadyAssigned", $"{user.DisplayName} already holds {RoleName(app, appRoleId)} on {app.DisplayName}.");
        }
        db.RoleAssignments.Add(new SandboxRoleAssignment
        {
            ResourceApplicationId = app.Id, AppRoleId = appRoleId, UserId = userId, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done;
    }

    public async Task RemoveAssignmentAsync(int assignmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RoleAssignments.Where(a => a.Id == assignmentId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Whether the user may sign in to the app, and the values of the roles they hold on it.</summary>
    public async Task<SandboxUserAccess> UserAccessAsync(SandboxApplication app, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roleIds = await db.RoleAssignments.AsNoTracking().Where(a => a.ResourceApplicationId == app.Id && a.UserId == userId)
            .Select(a => a.AppRoleId).ToListAsync(cancellationToken);
        return new SandboxUserAccess(!app.AssignmentRequired || roleIds.Count > 0, Values(app, roleIds, r => r.AllowsUsers));
    }

    /// <summary>The values of the roles of <paramref name="resource"/> granted to the client app (application permissions with admin consent).</summary>
    public async Task<IReadOnlyList<string>> ClientRolesAsync(SandboxApplication resource, SandboxApplication client, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roleIds = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.ResourceApplicationId == resource.Id && a.ClientApplicationId == client.Id)
            .Select(a => a.AppRoleId).ToListAsync(cancellationToken);
        return Values(resource, roleIds, r => r.AllowsApplications);
    }

    private static IReadOnlyList<string> Values(SandboxApplication app, IReadOnlyCollection<Guid> roleIds, Func<SandboxAppRole, bool> allowed) =>
        [.. app.AppRoles.Where(r => roleIds.Contains(r.Id) && allowed(r)).Select(r => r.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string RoleName(SandboxApplication app, Guid roleId) =>
        roleId == SandboxAppRole.DefaultAccessId ? SandboxAppRole.DefaultAccessName
            : app.AppRoles.FirstOrDefault(r => r.Id == roleId)?.DisplayName ?? roleId.ToString();
}
