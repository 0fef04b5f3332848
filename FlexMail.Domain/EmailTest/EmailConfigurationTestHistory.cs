using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.EmailTest;

/// <summary>The stored results of Test Email Configuration: the newest <see cref="Kept"/> runs, the last one first.</summary>
public sealed class EmailConfigurationTestHistory(IDbContextFactory<FlexMailDbContext> contexts)
{
    /// <summary>How many runs are kept; older ones are removed when a new one is stored.</summary>
    public const int Kept = 20;

    public async Task<EmailConfigurationTestRun> SaveAsync(EmailConfigurationTestRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.EmailConfigurationTestRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var older = await Newest(db).Skip(Kept).Select(r => r.Id).ToListAsync(cancellationToken);
        if (older.Count > 0)
        {
            await db.EmailConfigurationTestRuns.Where(r => older.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        return run;
    }

    /// <summary>The last finished run, or null when the configuration was never tested.</summary>
    public async Task<EmailConfigurationTestRun?> LastAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Newest(db.EmailConfigurationTestRuns.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The kept runs, the newest first.</summary>
    public async Task<IReadOnlyList<EmailConfigurationTestRun>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Newest(db.EmailConfigurationTestRuns.AsNoTracking()).ToListAsync(cancellationToken);
    }

    private static IQueryable<EmailConfigurationTestRun> Newest(FlexMailDbContext db) => Newest(db.EmailConfigurationTestRuns);

    private static IQueryable<EmailConfigurationTestRun> Newest(IQueryable<EmailConfigurationTestRun> runs) =>
        runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.FinishedAt).ThenBy(r => r.Id);
}
