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

    /// <summary>The names of the OAuth applications that use the credential (as certificate or as private key).</summary>
    public static async Task<IReadOnlyList<string>> ApplicationsUsingAsync(
        this FlexMailDbContext db, Guid credentialId, CancellationToken cancellationToken) =>
        await db.OAuthApplications.AsNoTracking()
            .Where(application => application.CertificateCredentialId == credentialId || application.PrivateKeyCredentialId == credentialId)
            .OrderBy(application => application.Name)
            .Select(application => application.Name)
            .ToListAsync(cancellationToken);
}
