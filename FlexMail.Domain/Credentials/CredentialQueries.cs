using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Credentials;

/// <summary>The credential lookups <see cref="CredentialService"/> runs inside its short-lived contexts.</summary>
internal static class CredentialQueries
{
    /// <summary>The first of the names that is already taken (compared without regard to case), or null.</summary>
    public static async Task<string?> FindTakenNameAsync(
        this FlexMailDbContext db, IReadOnlyList<Credential> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var lowered = row.Name.ToLowerInvariant();
            if (await db.Credentials.AnyAsync(existing => existing.Name.ToLower() == lowered, cancellationToken))
            {
                return row.Name;
            }
        }
        return null;
    }

    /// <summary>
    /// A stored credential with the same content as one of the rows, or null: a certificate with the same SHA-256
    /// thumbprint, a private key with the same public key.
    /// </summary>
    public static async Task<Credential?> FindSameContentAsync(
        this FlexMailDbContext db, IReadOnlyList<Credential> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var existing = row.Type == CredentialType.Certificate
                ? await db.Credentials.AsNoTracking().FirstOrDefaultAsync(
                    stored => stored.Type == CredentialType.Certificate && stored.Sha256Thumbprint == row.Sha256Thumbprint, cancellationToken)
                : await db.Credentials.AsNoTracking().FirstOrDefaultAsync(
                    stored => stored.Type == CredentialType.PrivateKey && stored.PublicKeyFingerprint == row.PublicKeyFingerprint, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }
        }
        return null;
    }

    /// <summary>The names of the OAuth applications that use the credential (as certificate or as private key).</summary>
    public static async Task<IReadOnlyList<string>> ApplicationsUsingAsync(
        this FlexMailDbContext db, Guid credentialId, CancellationToken cancellationToken) =>
        await db.OAuthApplications.AsNoTracking()
            .Where(application => application.CertificateCredentialId == credentialId || application.PrivateKeyCredentialId == credentialId)
            .OrderBy(application => application.Name)
            .Select(application => application.Name)
            .ToListAsync(cancellationToken);
}
