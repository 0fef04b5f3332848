using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>App registrations of the sandbox tenant, managed as in the Entra admin center.</summary>
public sealed class SandboxAppRegistrations(IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    /// <summary>How long a new client secret lasts unless told otherwise (the admin center's recommended 180 days).</summary>
    public static readonly TimeSpan DefaultSecretLifetime = TimeSpan.FromDays(180);

    public async Task<IReadOnlyList<SandboxApplication>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Include(a => a.Secrets).Include(a => a.Certificates).AsSplitQuery()
            .OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
    }

    public async Task<SandboxApplication?> FindByClientIdAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Include(a => a.Secrets).Include(a => a.Certificates).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.AppId == clientId, cancellationToken);
    }

    /// <summary>
    /// The app registration a client-credentials scope names as its resource: by application (client) id, or by its
    /// Application ID URI (<c>api://...</c>, compared without case as Entra does); null when no app has it.
    /// </summary>
    public async Task<SandboxApplication?> FindResourceAsync(string resource, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(resource, out var clientId))
        {
            return await FindByClientIdAsync(clientId, cancellationToken);
        }
        var uri = resource.TrimEnd('/').ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.IdentifierUri != null && a.IdentifierUri.ToLower() == uri, cancellationToken);
    }

    public async Task<SandboxApplication> CreateAsync(string displayName, IEnumerable<string> redirectUris, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = new SandboxApplication
        {
            Id = Guid.NewGuid(),
            AppId = Guid.NewGuid(),
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            RedirectUris = [.. redirectUris.Select(uri => uri.Trim()).Where(uri => uri.Length > 0).Distinct(StringComparer.Ordinal)],
            DelegatedPermissions = ["User.Read"],
        };
        db.Applications.Add(app);
        await db.SaveChangesAsync(cancellationToken);
        return app;
    }

    public Task SetRedirectUrisAsync(Guid clientId, IEnumerable<string> redirectUris, CancellationToken cancellationToken) =>
        UpdateAsync(clientId, app => app.RedirectUris = [.. redirectUris.Select(uri => uri.Trim()).Where(uri => uri.Length > 0).Distinct(StringComparer.Ordinal)], cancellationToken);

    public Task SetPermissionsAsync(Guid clientId, IEnumerable<string> delegated, IEnumerable<string> application, CancellationToken cancellationToken) =>
        UpdateAsync(clientId, app =>
        {
            app.DelegatedPermissions = [.. delegated.Distinct(StringComparer.OrdinalIgnoreCase)];
            app.ApplicationPermissions = [.. application.Distinct(StringComparer.OrdinalIgnoreCase)];
        }, cancellationToken);

    /// <summary>The application permissions the app asks for on other sandbox apps (My APIs); they take effect with admin consent.</summary>
    public Task SetApiPermissionsAsync(Guid clientId, IEnumerable<SandboxApiRolePermission> permissions, CancellationToken cancellationToken) =>
        UpdateAsync(clientId, app => app.ApiApplicationPermissions = [.. permissions.Distinct()], cancellationToken);

    /// <summary>
    /// "Grant admin consent for Contoso": every configured delegated permission for all users, every application permission
    /// (Microsoft Graph's and those on other sandbox apps); granted roles no longer asked for are taken back.
    /// </summary>
    public async Task GrantAdminConsentAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.SingleAsync(a => a.AppId == clientId, cancellationToken);
        var now = clock.GetUtcNow();
        var tenantWide = await db.PermissionGrants.SingleOrDefaultAsync(g => g.ApplicationId == app.Id && g.UserId == null, cancellationToken);
        if (tenantWide is null)
        {
            db.PermissionGrants.Add(tenantWide = new SandboxPermissionGrant { ApplicationId = app.Id, GrantedAt = now });
        }
        tenantWide.Scopes = [.. app.DelegatedPermissions];
        tenantWide.GrantedAt = now;

        var roles = await db.AppRoleAssignments.Where(a => a.ApplicationId == app.Id).ToListAsync(cancellationToken);
        db.AppRoleAssignments.RemoveRange(roles.Where(r => !app.ApplicationPermissions.Contains(r.Role, StringComparer.OrdinalIgnoreCase)));
        db.AppRoleAssignments.AddRange(app.ApplicationPermissions
            .Where(role => !roles.Any(r => string.Equals(r.Role, role, StringComparison.OrdinalIgnoreCase)))
            .Select(role => new SandboxAppRoleAssignment { ApplicationId = app.Id, Role = role, GrantedAt = now }));
        await GrantApiRolesAsync(db, app, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes every consent (tenant-wide and per user) and application permission grant of the app.</summary>
    public async Task RevokeConsentAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.SingleAsync(a => a.AppId == clientId, cancellationToken);
        await db.PermissionGrants.Where(g => g.ApplicationId == app.Id).ExecuteDeleteAsync(cancellationToken);
        await db.AppRoleAssignments.Where(a => a.ApplicationId == app.Id).ExecuteDeleteAsync(cancellationToken);
        await db.RoleAssignments.Where(a => a.ClientApplicationId == app.Id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds a client secret; the value is returned this once and never again.</summary>
    public async Task<NewClientSecret> AddSecretAsync(Guid clientId, string description, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.SingleAsync(a => a.AppId == clientId, cancellationToken);
        // Shaped like Entra's secret values: 40 characters, a '~' after the first three and a version letter.
        var value = $"{Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(3))[..3]}8Q~{Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(26))[..34]}";
        var now = clock.GetUtcNow();
        var secret = new SandboxClientSecret
        {
            Id = Guid.NewGuid(),
            ApplicationId = app.Id,
            Description = description.Trim(),
            Hint = value[..3],
            ValueHash = HashSecret(value),
            StartDateTime = now,
            EndDateTime = now.Add(lifetime),
        };
        db.ClientSecrets.Add(secret);
        await db.SaveChangesAsync(cancellationToken);
        return new NewClientSecret(secret.Id, value, secret.EndDateTime);
    }

    /// <summary>Fault: makes a secret expired now (the next client authentication with it answers AADSTS7000222).</summary>
    public async Task ExpireSecretAsync(Guid secretId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.ClientSecrets.Where(s => s.Id == secretId)
            .ExecuteUpdateAsync(update => update.SetProperty(s => s.EndDateTime, now.AddSeconds(-1)), cancellationToken);
    }

    public async Task DeleteSecretAsync(Guid secretId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ClientSecrets.Where(s => s.Id == secretId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Uploads a public certificate (DER or PEM); client assertions signed with its key are then accepted.</summary>
    public async Task<SandboxAppCertificate> AddCertificateAsync(Guid clientId, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.SingleAsync(a => a.AppId == clientId, cancellationToken);
        var stored = new SandboxAppCertificate
        {
            Id = Guid.NewGuid(),
            ApplicationId = app.Id,
            Subject = certificate.Subject,
            Thumbprint = certificate.Thumbprint.ToUpperInvariant(),
            Sha256Thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData)),
            RawData = certificate.RawData,
            StartDateTime = certificate.NotBefore.ToUniversalTime(),
            EndDateTime = certificate.NotAfter.ToUniversalTime(),
        };
        db.AppCertificates.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    public async Task DeleteCertificateAsync(Guid certificateId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AppCertificates.Where(c => c.Id == certificateId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Applications.Where(a => a.AppId == clientId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The stored form of a secret value: SHA-256, hex.</summary>
    public static string HashSecret(string value) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));

    // The client's roles on other sandbox apps become exactly the requested ones that still exist and allow applications.
    private static async Task GrantApiRolesAsync(SandboxDbContext db, SandboxApplication client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resourceIds = client.ApiApplicationPermissions.Select(p => p.ResourceAppId).Distinct().ToList();
        var resources = await db.Applications.AsNoTracking().Where(a => resourceIds.Contains(a.AppId)).ToListAsync(cancellationToken);
        var wanted = client.ApiApplicationPermissions
            .Select(p => (Resource: resources.FirstOrDefault(r => r.AppId == p.ResourceAppId), p.AppRoleId))
            .Where(p => p.Resource?.AppRoles.Any(r => r.Id == p.AppRoleId && r.AllowsApplications) == true)
            .Select(p => (ResourceId: p.Resource!.Id, p.AppRoleId))
            .ToList();
        var held = await db.RoleAssignments.Where(a => a.ClientApplicationId == client.Id).ToListAsync(cancellationToken);
        db.RoleAssignments.RemoveRange(held.Where(a => !wanted.Contains((a.ResourceApplicationId, a.AppRoleId))));
        db.RoleAssignments.AddRange(wanted.Where(w => !held.Any(a => a.ResourceApplicationId == w.ResourceId && a.AppRoleId == w.AppRoleId))
            .Select(w => new SandboxRoleAssignment { ResourceApplicationId = w.ResourceId, AppRoleId = w.AppRoleId, ClientApplicationId = client.Id, CreatedAt = now }));
    }

    private async Task UpdateAsync(Guid clientId, Action<SandboxApplication> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.SingleAsync(a => a.AppId == clientId, cancellationToken);
        change(app);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A client secret just created: its id, and its value, shown this once.</summary>
public sealed record NewClientSecret(Guid SecretId, string Value, DateTimeOffset Expires);
