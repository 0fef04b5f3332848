using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals;

/// <summary>This installation's code (<see cref="InstallationIdentity"/>): made on first use, then read once per process.</summary>
public sealed class InstallationCodes(IDbContextFactory<FlexMailDbContext> contexts, TimeProvider clock)
{
    private string? _code;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_code is { } known)
        {
            return known;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.InstallationIdentity.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            db.InstallationIdentity.Add(new InstallationIdentity { Code = ReplyTokens.CreateInstallationCode(), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance made it at the same moment: its code is the installation's.
            }
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            stored = await again.InstallationIdentity.AsNoTracking().SingleAsync(cancellationToken);
        }
        return _code = stored.Code;
    }
}
