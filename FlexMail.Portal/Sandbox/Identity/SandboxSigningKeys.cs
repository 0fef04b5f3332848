using System.Security.Cryptography;
using FlexMail.Domain.Security;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The sandbox's token-signing key: created on first use, stored encrypted in the sandbox database, published
/// through the JWKS endpoint.
/// </summary>
public sealed class SandboxSigningKeys(IDbContextFactory<SandboxDbContext> contexts, ISecretProtector protector, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RsaSecurityKey? _key;

    public async Task<RsaSecurityKey> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached key (after a sandbox reset replaced it).</summary>
    public void Forget() => _key = null;

    /// <summary>The public key as a JSON Web Key, as the JWKS endpoint publishes it.</summary>
    public async Task<JsonWebKey> GetPublicJwkAsync(CancellationToken cancellationToken)
    {
        var key = await GetAsync(cancellationToken);
        var publicOnly = new RsaSecurityKey(key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = key.KeyId };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicOnly);
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return jwk;
    }

    private async Task<RsaSecurityKey> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.SigningKeys.OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            using var created = RSA.Create(2048);
            stored = new SandboxSigningKey
            {
                Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
                ProtectedPrivateKey = protector.Protect(created.ExportPkcs8PrivateKeyPem()),
                CreatedAt = clock.GetUtcNow(),
            };
            db.SigningKeys.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(protector.Unprotect(stored.ProtectedPrivateKey));
        return new RsaSecurityKey(rsa) { KeyId = stored.Id };
    }
}
