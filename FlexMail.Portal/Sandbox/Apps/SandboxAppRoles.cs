using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>App roles and the Application ID URI of app registrations (App roles, Expose an API).</summary>
public sealed class SandboxAppRoles(IDbContextFactory<SandboxDbContext> contexts)
{
    /// <summary>Adds a role with a new id; refused (nothing stored) when it breaks one of the admin center's rules.</summary>
    public async Task<Result<SandboxAppRole>> AddRoleAsync(Guid clientId, string displayName, string value, string description,
        SandboxAppRoleMemberTypes allowedMemberTypes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.SingleAsync(a => a.AppId == clientId, cancellationToken);
        var role = new SandboxAppRole(Guid.NewGuid(), displayName.Trim(), value.Trim(), description.Trim(), allowedMemberTypes);
        if (SandboxAppRoleValidator.Check(role, app.AppRoles) is { } problem)
        {
            return problem;
        }
        app.AppRoles = [.. app.AppRoles, role];
        await db.SaveChangesAsync(cancellationToken);
        return role;
    }

    /// <summary>
    /// Removes a role together with what it granted: its user and client-app assignments, and the application
    /// permissions other apps ask for on it.
    /// </summary>
    public async Task RemoveRoleAsync(Guid clientId, Guid roleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.Applications.ToListAsync(cancellationToken);
        var app = apps.Single(a => a.AppId == clientId);
        app.AppRoles = [.. app.AppRoles.Where(r => r.Id != roleId)];
        foreach (var client in apps.Where(a => a.ApiApplicationPermissions.Any(p => p.ResourceAppId == clientId && p.AppRoleId == roleId)))
        {
            client.ApiApplicationPermissions = [.. client.ApiApplicationPermissions.Where(p => !(p.ResourceAppId == clientId && p.AppRoleId == roleId))];
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.RoleAssignments.Where(a => a.ResourceApplicationId == app.Id && a.AppRoleId == roleId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Sets (or, with an empty value, removes) the Application ID URI; it must be unique in the tenant.</summary>
    public async Task<Result> SetIdentifierUriAsync(Guid clientId, string? identifierUri, CancellationToken cancellationToken)
    {
        var value = string.IsNullOrWhiteSpace(identifierUri) ? null : identifierUri.Trim().TrimEnd('/');
        if (value is not null && SandboxAppRoleValidator.CheckIdentifierUri(value) is { } problem)
        {
            return problem;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.Applications.ToListAsync(cancellationToken);
        if (value is not null && apps.Any(a => a.AppId != clientId && string.Equals(a.IdentifierUri, value, StringComparison.OrdinalIgnoreCase)))
        {
            return new Problem("IdentifierUriTaken", $"Another app registration already uses the Application ID URI {value}.",
                "Application ID URIs are unique in the tenant: choose another one.", SandboxAppRoleValidator.IdentifierUriField);
        }
        apps.Single(a => a.AppId == clientId).IdentifierUri = value;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done;
    }

    /// <summary>Every role of every app that client apps can be granted, for API permissions' My APIs.</summary>
    public async Task<IReadOnlyList<SandboxExposedRole>> ListApplicationRolesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.Applications.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        return [.. apps.SelectMany(app => app.AppRoles.Where(r => r.AllowsApplications).OrderBy(r => r.Value)
            .Select(role => new SandboxExposedRole(app.AppId, app.DisplayName, role)))];
    }
}
