using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.Persistence;

/// <summary>
/// Keeps a migration that was killed from hanging every later start. EF Core (9 and later) takes a row in
/// <c>__EFMigrationsLock</c> while it migrates a SQLite database and waits, without end, while that row exists; a process
/// killed mid-migration leaves the row behind. FlexMail therefore also holds an operating-system lock on a file next to the
/// database (<c>&lt;database&gt;.migration-lock</c>) while it migrates: the operating system drops it when the process dies, so
/// whoever holds that file lock and still finds the row knows it was left by a dead process and removes it (with a log
/// line). A file lock held by a live process is waited for at most <see cref="WaitLimit"/>; then the start fails with one
/// sentence saying what to do. SQL Server needs none of this: EF's lock there (sp_getapplock) ends with the session.
/// </summary>
public static partial class MigrationLockRecovery
{
    /// <summary>How long a start waits for another live process that is migrating the same SQLite file.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>The lock file's name is the database file's with this added.</summary>
    public const string LockFileSuffix = ".migration-lock";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Migrates <paramref name="db"/> under the file lock, first releasing a lock row a dead process left.</summary>
    public static async Task MigrateAsync(DbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var held = await AcquireAsync(db, logger, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the file lock for a SQLite file database (nothing for other providers or in-memory databases) and releases a
    /// stale <c>__EFMigrationsLock</c> row; dispose the result when migrating is done.
    /// </summary>
    public static Task<IAsyncDisposable> AcquireAsync(DbContext db, ILogger logger, CancellationToken cancellationToken) =>
        AcquireAsync(db, logger, WaitLimit, cancellationToken);

    /// <summary><see cref="AcquireAsync(DbContext, ILogger, CancellationToken)"/> waiting at most <paramref name="waitLimit"/>.</summary>
    internal static async Task<IAsyncDisposable> AcquireAsync(DbContext db, ILogger logger, TimeSpan waitLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || DatabaseFile(db) is not { } databaseFile)
        {
            return NoLock.Instance;
        }
        // SQLite would create the file 0644 (and its journal files like it): created first, it is the owner's only.
        Security.OwnerOnly.File(databaseFile);
        var fileLock = await WaitForFileLockAsync(databaseFile + LockFileSuffix, waitLimit, cancellationToken);
        try
        {
            await ReleaseStaleRowAsync(db, databaseFile, logger, cancellationToken);
            return fileLock;
        }
        catch
        {
            await fileLock.DisposeAsync();
            throw;
        }
    }

    private static string? DatabaseFile(DbContext db)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(dataSource);
    }

    private static async Task<FileStream> WaitForFileLockAsync(string lockFile, TimeSpan waitLimit, CancellationToken cancellationToken)
    {
        Security.OwnerOnly.Folder(Path.GetDirectoryName(lockFile)!);
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(waitLimit);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock the operating system holds for this process only (flock on Unix).
                // The file stays (deleting it would let two processes lock two different files of the same name).
                return new FileStream(lockFile, Security.OwnerOnly.NewFile(FileMode.OpenOrCreate, FileAccess.ReadWrite));
            }
            catch (IOException)
            {
                try
                {
                    await Task.Delay(RetryInterval, waited.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new InvalidOperationException(
                        $"Another running FlexMail process is migrating '{lockFile[..^LockFileSuffix.Length]}' and did not finish within " +
                        $"{waitLimit.TotalSeconds:0} seconds: stop the other process (or wait for it to finish), then start FlexMail again.");
                }
            }
        }
    }

    private static async Task ReleaseStaleRowAsync(DbContext db, string databaseFile, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(databaseFile))
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var find = connection.CreateCommand();
            find.CommandText = "SELECT COUNT(*) FROM \"sqlite_master\" WHERE \"name\" = '__EFMigrationsLock' AND \"type\" = 'table';";
            if (Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
            await using var release = connection.CreateCommand();
            release.CommandText = "DELETE FROM \"__EFMigrationsLock\" RETURNING \"Timestamp\";";
            if (await release.ExecuteScalarAsync(cancellationToken) is { } takenAt)
            {
                LogStaleLockReleased(logger, databaseFile, Convert.ToString(takenAt, System.Globalization.CultureInfo.InvariantCulture) ?? "?");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released the migration lock on {DatabaseFile} taken at {TakenAt} by a FlexMail process " +
        "that stopped while migrating; migrating now")]
    private static partial void LogStaleLockReleased(ILogger logger, string databaseFile, string takenAt);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
