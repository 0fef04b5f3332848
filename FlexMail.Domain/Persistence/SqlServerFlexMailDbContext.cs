using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Persistence;

/// <summary>Production: SQL Server.</summary>
public sealed class SqlServerFlexMailDbContext(DbContextOptions<SqlServerFlexMailDbContext> options) : FlexMailDbContext(options);
