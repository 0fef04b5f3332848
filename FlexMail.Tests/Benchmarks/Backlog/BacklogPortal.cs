using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Benchmarks.Backlog;

/// <summary>
/// The whole portal on Kestrel (HTTPS and HTTP on free loopback ports) with the sandbox tenant on, its data in a
/// temporary folder, the background workers off (the benchmark runs the reply monitor itself) and the sandbox quick
/// setup (application permissions) connecting it at start.
/// </summary>
internal sealed class BacklogPortal : WebApplicationFactory<global::Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), $"flexmail-backlog-{Guid.NewGuid():N}");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static BacklogPortal Start()
    {
        var portal = new BacklogPortal();
        portal.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps());
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });
        portal.StartServer();
        return portal;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataPath);
        builder.UseEnvironment("Testing");
        builder.UseSetting("FlexMail:DataPath", _dataPath);
        builder.UseSetting("FlexMail:Sandbox:Enabled", "true");
        builder.UseSetting("FlexMail:Sandbox:QuickSetup", "Application");
        builder.UseSetting("FlexMail:Approvals:RunWorkers", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the temporary folder is left for the system to clean.
            }
        }
    }
}
