using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace FlexMail.Tests.Support;

/// <summary>The whole portal (<c>Program</c>) on a data folder and SQLite database of its own.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder _dataFolder = new();

    public string DataPath => _dataFolder.Path;

    /// <summary>More configuration for this portal (e.g. <c>FlexMail:Sandbox:QuickSetup</c>), set before it is built.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("FlexMail:DataPath", _dataFolder.Path);
        builder.UseSetting("FlexMail:Sandbox:Enabled", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
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
