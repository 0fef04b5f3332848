using FlexMail.Domain;
using FlexMail.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexMail.Tests.Support;

/// <summary>
/// The real domain services on a real SQLite file in a data folder: what the portal registers, without the portal.
/// </summary>
public sealed class TestDomain : IAsyncDisposable
{
    private readonly TemporaryFolder? _ownedFolder;

    private TestDomain(string? dataPath, Action<IServiceCollection, string>? addServices = null)
    {
        if (dataPath is null)
        {
            _ownedFolder = new TemporaryFolder();
            dataPath = _ownedFolder.Path;
        }
        DataPath = dataPath;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FlexMail:DataPath"] = dataPath })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddFlexMailDomain(configuration, new DataFolder(dataPath, dataPath));
        addServices?.Invoke(services, dataPath);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ServiceProvider Services { get; }

    public string DataPath { get; }

    public string DatabaseFile => Path.Combine(DataPath, "flexmail.db");

    public IDbContextFactory<FlexMailDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<FlexMailDbContext>>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// A domain on a fresh database with every migration applied (in a folder of its own unless given one);
    /// <paramref name="addServices"/> registers more services in the same provider (given the data folder's path).
    /// </summary>
    public static async Task<TestDomain> CreateMigratedAsync(string? dataPath = null, Action<IServiceCollection, string>? addServices = null)
    {
        var domain = new TestDomain(dataPath, addServices);
        await domain.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return domain;
    }

    /// <summary>A domain whose database has not been created or migrated (in a folder of its own unless given one).</summary>
    public static TestDomain Open(string? dataPath = null) => new(dataPath);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _ownedFolder?.Dispose();
    }
}
