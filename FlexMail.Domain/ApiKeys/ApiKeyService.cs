using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Persistence.Configurations;
using FlexMail.Domain.Results;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.ApiKeys;

/// <summary>
/// Creates, checks, lists and revokes the integrator API's keys. A key and its webhook secret are readable once, in
/// the <see cref="CreatedApiKey"/>; afterwards FlexMail holds only the key's SHA-256 and the secret encrypted.
/// </summary>
public sealed class ApiKeyService(
    IDbContextFactory<FlexMailDbContext> contexts,
    ISecretProtector protector,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The field a problem with the name is about.</summary>
    public const string NameField = "name";

    /// <summary>Code of a refused name (missing, too long, or taken by a key in use).</summary>
    public const string InvalidName = "ApiKeyNameInvalid";

    /// <summary>Code of a revoke for a key FlexMail does not know.</summary>
    public const string NotFound = "ApiKeyNotFound";

    /// <summary>A key's last use is written at most this often, so a busy integrator does not cost a write per call.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private const int MaxNameLength = ColumnLengths.Name;

    public async Task<Result<CreatedApiKey>> CreateAsync(string name, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var trimmed = name?.Trim() ?? "";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await NameProblemAsync(db, trimmed, cancellationToken) is { } problem)
        {
            return problem;
        }

        var key = ApiKeySecrets.NewKey();
        var webhookSecret = ApiKeySecrets.NewWebhookSecret();
        var apiKey = new ApiKey
        {
            Name = trimmed,
            Prefix = key[..ApiKeySecrets.ShownPrefixLength],
            KeyHash = ApiKeySecrets.Hash(key),
            ProtectedWebhookSecret = protector.Protect(webhookSecret),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = Shorten(actor.Name),
            CreatedById = actor.ObjectId,
        };
        db.ApiKeys.Add(apiKey);
        audit.Stage(db, actor, "API key created", Subject(apiKey), $"Prefix {apiKey.Prefix}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(apiKey.Id, apiKey.Name, key, webhookSecret);
    }

    /// <summary>
    /// The key a request presents, or null when FlexMail knows no such key or it is revoked. Found by its SHA-256, so
    /// nothing compares the key itself character by character. Records the use at most once a minute.
    /// </summary>
    public async Task<ApiKey?> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > ApiKeySecrets.MaxKeyLength)
        {
            return null;
        }
        var hash = ApiKeySecrets.Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apiKey = await db.ApiKeys.SingleOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        if (apiKey is null || apiKey.IsRevoked)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (apiKey.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedPrecision)
        {
            apiKey.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return apiKey;
    }

    /// <summary>Every key, those in use first (newest first), then the revoked ones.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.IsRevoked).ThenByDescending(k => k.CreatedAt).ThenBy(k => k.Name).Select(ApiKeySummary.From)];
    }

    /// <summary>Revokes the key: requests carrying it are refused from now on. Revoking a revoked key changes nothing.</summary>
    public async Task<Result> RevokeAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apiKey = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (apiKey is null)
        {
            return new Problem(NotFound, $"FlexMail has no API key with the id {id}.",
                "Check the id (the API Keys page and \"api-key list\" show every key); a key that is gone needs no revoking.");
        }
        if (apiKey.IsRevoked)
        {
            return Result.Done;
        }
        apiKey.RevokedAt = clock.GetUtcNow();
        apiKey.RevokedBy = Shorten(actor.Name);
        audit.Stage(db, actor, "API key revoked", Subject(apiKey), $"Prefix {apiKey.Prefix}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done;
    }

    /// <summary>The webhook signing secret of a key in use, in clear; null when the key is missing or revoked.</summary>
    public async Task<string?> GetWebhookSecretAsync(Guid apiKeyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var protectedSecret = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == apiKeyId && k.RevokedAt == null)
            .Select(k => k.ProtectedWebhookSecret)
            .SingleOrDefaultAsync(cancellationToken);
        return protectedSecret is null ? null : protector.Unprotect(protectedSecret);
    }

    private static async Task<Problem?> NameProblemAsync(FlexMailDbContext db, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return new Problem(InvalidName, "The API key needs a name.",
                "Name it after who uses it, e.g. \"Release pipeline\", so you know which key to revoke later.", NameField);
        }
        if (name.Length > MaxNameLength)
        {
            return new Problem(InvalidName, $"The name is too long ({name.Length} characters).", $"Use at most {MaxNameLength} characters.", NameField);
        }
        if (await db.ApiKeys.AnyAsync(k => k.Name == name && k.RevokedAt == null, cancellationToken))
        {
            return new Problem(InvalidName, $"An API key named \"{name}\" is already in use.",
                "Choose another name, or revoke the old key first.", NameField);
        }
        return null;
    }

    private static string Subject(ApiKey apiKey) => $"API key {apiKey.Name}";

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];
}
