using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace FlexMail.Tests.Support;

/// <summary>The whole portal (<c>Program</c>) on a data folder and SQLite database of its own.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder _dataFolder = new();

    public string DataPath => _dataFolder.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("FlexMail:DataPath", _dataFolder.Path);
        builder.UseSetting("FlexMail:Sandbox:Enabled", "true");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            _dataFolder.Dispose();
        }
    }
}
