using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlexMail.Portal.Sandbox.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the sandbox context without starting the portal.</summary>
internal sealed class SandboxDesignTimeFactory : IDesignTimeDbContextFactory<SandboxDbContext>
{
    public SandboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SandboxDbContext>().UseSqlite("Data Source=sandbox-design-time.db").Options);
}
