using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlexMail.Domain.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the portal.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFlexMailDbContext>
{
    public SqliteFlexMailDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFlexMailDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context (and scripts) without a server.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFlexMailDbContext>
{
    public SqlServerFlexMailDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerFlexMailDbContext>().UseSqlServer("Server=design-time;Database=FlexMail").Options);
}
