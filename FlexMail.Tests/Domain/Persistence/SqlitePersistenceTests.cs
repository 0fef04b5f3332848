using FlexMail.Domain.Persistence;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Persistence;

public sealed class SqlitePersistenceTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationIntoTheDataFolderFile()
    {
        await using var domain = TestDomain.Open();
        Assert.False(File.Exists(domain.DatabaseFile));

        var applied = await domain.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using var db = await domain.Contexts.CreateDbContextAsync();
        Assert.True(File.Exists(domain.DatabaseFile));
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_UpToDateDatabase_AppliesNothingAndRecordsOneAuditEvent()
    {
        await using var domain = await TestDomain.CreateMigratedAsync();

        var applied = await domain.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using var db = await domain.Contexts.CreateDbContextAsync();
        Assert.Empty(applied);
        var migrated = Assert.Single(await db.AuditEvents.ToListAsync());
        Assert.Equal("Database migrated", migrated.Action);
    }

    [Fact]
    public async Task SaveAndReload_EveryEntity_RoundTripsThroughTheSqliteFile()
    {
        await using var domain = await TestDomain.CreateMigratedAsync();

        await EntityRoundTrip.AssertEveryEntityRoundTripsAsync(domain.Contexts);
    }

    [Fact]
    public async Task SaveAuthorization_WithStaleConcurrencyStamp_IsRefused()
    {
        await using var domain = await TestDomain.CreateMigratedAsync();

        await EntityRoundTrip.AssertStaleAuthorizationWriteIsRefusedAsync(domain.Contexts);
    }
}
