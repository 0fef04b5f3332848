using FlexMail.Domain.Persistence;
using FlexMail.Tests.Support;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Persistence;

/// <summary>Runs against a real SQL Server (the CI workflow's service container), each test on a database of its own.</summary>
public sealed class SqlServerPersistenceTests : IAsyncLifetime
{
    private IDbContextFactory<FlexMailDbContext>? _contexts;

    public async Task InitializeAsync()
    {
        if (SqlServerFactAttribute.ConnectionString is not { Length: > 0 } connectionString)
        {
            return;
        }
        var builder = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = $"FlexMailTests_{Guid.NewGuid():N}" };
        var options = new DbContextOptionsBuilder<SqlServerFlexMailDbContext>().UseSqlServer(builder.ConnectionString).Options;
        _contexts = new FixedContextFactory(() => new SqlServerFlexMailDbContext(options));
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_contexts is not null)
        {
            await using var db = await _contexts.CreateDbContextAsync();
            await db.Database.EnsureDeletedAsync();
        }
    }

    [SqlServerFact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration()
    {
        await using var db = await _contexts!.CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [SqlServerFact]
    public async Task SaveAndReload_EveryEntity_RoundTripsThroughSqlServer()
    {
        await EntityRoundTrip.AssertEveryEntityRoundTripsAsync(_contexts!);
    }

    [SqlServerFact]
    public async Task SaveAuthorization_WithStaleConcurrencyStamp_IsRefused()
    {
        await EntityRoundTrip.AssertStaleAuthorizationWriteIsRefusedAsync(_contexts!);
    }

    private sealed class FixedContextFactory(Func<FlexMailDbContext> create) : IDbContextFactory<FlexMailDbContext>
    {
        public FlexMailDbContext CreateDbContext() => create();
    }
}
