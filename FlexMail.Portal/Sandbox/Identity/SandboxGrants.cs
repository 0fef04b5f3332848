using System.Security.Cryptography;
using System.Text;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// What users and admins granted, and the codes and refresh tokens issued on it. Codes and refresh tokens are random
/// values of which only the SHA-256 hash is stored.
/// </summary>
public sealed class SandboxGrants(IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A refresh token dies after this long unused (AADSTS700082).</summary>
    public static readonly TimeSpan RefreshTokenIdleLifetime = TimeSpan.FromDays(90);

    public async Task<SandboxUser?> FindUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
    }

    public async Task<SandboxUser?> FindUserByNameAsync(string? userPrincipalName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userPrincipalName))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = userPrincipalName.Trim().ToLowerInvariant();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserPrincipalName.ToLower() == name, cancellationToken);
    }

    /// <summary>The delegated Graph permissions the user may use with the app: their own consent plus the admin's for all users.</summary>
    public async Task<IReadOnlyList<string>> GrantedScopesAsync(SandboxApplication app, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grants = await db.PermissionGrants.AsNoTracking()
            .Where(g => g.ApplicationId == app.Id && (g.UserId == null || g.UserId == userId)).ToListAsync(cancellationToken);
        return [.. grants.SelectMany(g => g.Scopes).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Records the user's consent (the consent page's Accept).</summary>
    public async Task GrantForUserAsync(SandboxApplication app, Guid userId, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await db.PermissionGrants.SingleOrDefaultAsync(g => g.ApplicationId == app.Id && g.UserId == userId, cancellationToken);
        if (grant is null)
        {
            db.PermissionGrants.Add(grant = new SandboxPermissionGrant { ApplicationId = app.Id, UserId = userId });
        }
        grant.Scopes = [.. grant.Scopes.Concat(scopes).Distinct(StringComparer.OrdinalIgnoreCase)];
        grant.GrantedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> AppRolesAsync(SandboxApplication app, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AppRoleAssignments.AsNoTracking().Where(a => a.ApplicationId == app.Id)
            .OrderBy(a => a.Role).Select(a => a.Role).ToListAsync(cancellationToken);
    }

    public async Task<string> IssueCodeAsync(SandboxAuthorizeRequest request, Guid userId, CancellationToken cancellationToken)
    {
        var code = NewSecretValue();
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuthorizationCodes.Add(new SandboxAuthorizationCode
        {
            Id = Hash(code),
            ClientId = request.ClientId,
            UserId = userId,
            RedirectUri = request.RedirectUri,
            Scopes = [.. request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallengeMethod,
            Nonce = request.Nonce,
            IssuedAt = now,
            ExpiresAt = now.Add(CodeLifetime),
        });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>Marks the code redeemed (once only) and returns it, or the reason it cannot be redeemed.</summary>
    public async Task<(SandboxAuthorizationCode? Code, EntraError? Error)> RedeemCodeAsync(string code, CancellationToken cancellationToken)
    {
        var id = Hash(code);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.AuthorizationCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (stored is null)
        {
            return (null, EntraErrors.InvalidCode());
        }
        if (stored.RedeemedAt is not null)
        {
            return (null, EntraErrors.CodeRedeemed());
        }
        if (stored.ExpiresAt <= now)
        {
            return (null, EntraErrors.CodeExpired());
        }
        var marked = await db.AuthorizationCodes.Where(c => c.Id == id && c.RedeemedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(c => c.RedeemedAt, now), cancellationToken);
        return marked == 1 ? (stored, null) : (null, EntraErrors.CodeRedeemed());
    }

    public async Task<string> IssueRefreshTokenAsync(Guid clientId, Guid userId, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var token = NewSecretValue();
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RefreshTokens.Add(new SandboxRefreshToken
        {
            Id = Hash(token),
            ClientId = clientId,
            UserId = userId,
            Scopes = [.. scopes],
            IssuedAt = now,
            ExpiresAt = now.Add(RefreshTokenIdleLifetime),
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<SandboxRefreshToken?> FindRefreshTokenAsync(string token, CancellationToken cancellationToken)
    {
        var id = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public static string Hash(string value) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string NewSecretValue() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(48));
}
