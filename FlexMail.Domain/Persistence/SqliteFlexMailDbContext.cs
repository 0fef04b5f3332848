using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlexMail.Domain.Persistence;

/// <summary>The embedded default: a SQLite file in the data folder.</summary>
public sealed class SqliteFlexMailDbContext(DbContextOptions<SqliteFlexMailDbContext> options) : FlexMailDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type: store UTC ticks so ordering and filtering run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
