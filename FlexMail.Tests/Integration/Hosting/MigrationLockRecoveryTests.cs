using FlexMail.Domain.Persistence;
using FlexMail.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>
/// A process killed while migrating leaves EF Core's <c>__EFMigrationsLock</c> row behind; the next start must not wait on
/// it for ever. The row is written here as the dead process left it.
/// </summary>
public sealed class MigrationLockRecoveryTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Start_LockRowLeftByAKilledMigration_ReleasesItLogsAndServes(bool migratedBefore)
    {
        using var portal = new HostingPortal();
        var flexMailDb = Path.Combine(portal.DataPath, "flexmail.db");
        if (migratedBefore)
        {
            await using var domain = await TestDomain.CreateMigratedAsync(portal.DataPath);
        }
        await LeaveLockRowAsync(flexMailDb);
        await LeaveLockRowAsync(Path.Combine(portal.DataPath, "sandbox.db"));

        // Without the recovery EF waits on the row for ever and the portal never answers.
        var live = await Task.Run(async () => await portal.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative))).WaitAsync(StartBound);

        Assert.True(live.IsSuccessStatusCode, live.StatusCode.ToString());
        Assert.Equal(2, portal.Warnings.Count(w => w.StartsWith("Released the migration lock on", StringComparison.Ordinal)));
        Assert.Contains(portal.Warnings, w => w.Contains(flexMailDb, StringComparison.Ordinal) && w.Contains("stopped while migrating", StringComparison.Ordinal));
        Assert.Equal(0, await CountLockRowsAsync(flexMailDb));
    }

    [Fact]
    public async Task Acquire_AnotherLiveProcessHoldsTheFileLock_FailsWithOneSentenceSayingWhatToDo()
    {
        await using var domain = TestDomain.Open();
        Directory.CreateDirectory(domain.DataPath);
        await using var other = new FileStream(domain.DatabaseFile + MigrationLockRecovery.LockFileSuffix, FileMode.OpenOrCreate,
            FileAccess.ReadWrite, FileShare.None);
        await using var db = await domain.Contexts.CreateDbContextAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            MigrationLockRecovery.AcquireAsync(db, NullLogger.Instance, TimeSpan.FromMilliseconds(500), CancellationToken.None));

        Assert.Contains("Another running FlexMail process is migrating", refused.Message);
        Assert.Contains("stop the other process (or wait for it to finish), then start FlexMail again.", refused.Message);
    }

    /// <summary>The row (and table) exactly as EF Core 10's SQLite history repository writes them when it takes the lock.</summary>
    private static async Task LeaveLockRowAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT OR IGNORE INTO "__EFMigrationsLock"("Id", "Timestamp") VALUES(1, '2026-01-01 00:00:00+00:00');
            """;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many rows <c>__EFMigrationsLock</c> holds in the database file (read without pooling, so the file is not kept open).</summary>
    internal static async Task<long> CountLockRowsAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\";";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
