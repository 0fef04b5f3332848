using FlexMail.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Workers;

/// <summary>
/// Applies pending migrations before the portal starts listening (hosted services start first),
/// unless <c>FlexMail:Database:MigrateOnStart</c> is false.
/// </summary>
internal sealed class DatabaseMigrationWorker(DatabaseMigrator migrator, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
