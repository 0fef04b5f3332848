using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Credentials;

/// <summary>The stored credentials of one type, as pickers offer them (names and expiry only).</summary>
public sealed class CredentialChoicesQuery(IDbContextFactory<FlexMailDbContext> contexts)
{
    public async Task<IReadOnlyList<CredentialChoice>> ListAsync(CredentialType type, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var choices = await db.Credentials.AsNoTracking()
            .Where(credential => credential.Type == type)
            .Select(credential => new CredentialChoice(credential.Id, credential.Name, credential.Type, credential.NotAfter))
            .ToListAsync(cancellationToken);
        return [.. choices.OrderBy(choice => choice.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
