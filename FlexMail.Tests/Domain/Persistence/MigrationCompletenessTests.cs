using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlexMail.Tests.Domain.Persistence;

/// <summary>The model and each provider's migrations must agree; none of these needs a database server.</summary>
public sealed class MigrationCompletenessTests
{
    private const string AddMigrationHint =
        "The model changed without a migration. Run: dotnet ef migrations add <Name> --project FlexMail.Domain " +
        "--startup-project FlexMail.Domain --context {0} --output-dir Persistence/Migrations/{1}";

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteFlexMailDbContext(
            new DbContextOptionsBuilder<SqliteFlexMailDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), string.Format(AddMigrationHint, nameof(SqliteFlexMailDbContext), "Sqlite"));
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = CreateSqlServerContextWithoutServer();

        Assert.False(db.Database.HasPendingModelChanges(), string.Format(AddMigrationHint, nameof(SqlServerFlexMailDbContext), "SqlServer"));
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrationNames()
    {
        using var sqlite = new SqliteFlexMailDbContext(
            new DbContextOptionsBuilder<SqliteFlexMailDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = CreateSqlServerContextWithoutServer();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void SqlServerScript_IsGeneratedWithoutAServer_AndCreatesEveryTable()
    {
        using var db = CreateSqlServerContextWithoutServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in db.Model.GetEntityTypes().Select(entity => entity.GetTableName()))
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        Assert.Contains("[__EFMigrationsHistory]", script);
    }

    private static SqlServerFlexMailDbContext CreateSqlServerContextWithoutServer() =>
        new(new DbContextOptionsBuilder<SqlServerFlexMailDbContext>()
            .UseSqlServer("Server=unreachable.invalid;Database=FlexMail;Connect Timeout=1").Options);
}
