using FlexMail.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.Persistence;

/// <summary>Brings the database schema up to date and records what it applied.</summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<FlexMailDbContext> contexts,
    AuditLog audit,
    ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> pending;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging: readers (every open Live Inbox) no longer wait while the monitor writes. The mode is
                // kept in the database file; setting it again is a no-op.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
            // Before anything else: a lock row left by a process killed while migrating would make EF wait for ever.
            await using var held = await MigrationLockRecovery.AcquireAsync(db, logger, cancellationToken);
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
            if (pending.Count == 0)
            {
                LogUpToDate(logger);
                return pending;
            }
            await db.Database.MigrateAsync(cancellationToken);
        }

        LogApplied(logger, pending.Count, pending[^1]);
        await audit.RecordAsync(Actor.System, "Database migrated", "Database schema",
            $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}", cancellationToken);
        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s); schema is now at {Migration}")]
    private static partial void LogApplied(ILogger logger, int count, string migration);
}
