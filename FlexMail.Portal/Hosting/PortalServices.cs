using FlexMail.Domain.Persistence;
using FlexMail.Portal.Workers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace FlexMail.Portal.Hosting;

/// <summary>Registers the portal's UI, health checks and workers.</summary>
internal static class PortalServices
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddFlexMailPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddFlexMailForwardedHeaders(configuration);
        services.AddHealthChecks()
            .AddDbContextCheck<FlexMailDbContext>("database", HealthStatus.Unhealthy, [ReadyTag]);

        // Hosted services start in registration order: the schema must exist before any other one
        // (Data Protection's key-ring loader among them) touches the database.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrationWorker>());
        services.AddHostedService<StartupBanner>();
        return services;
    }
}
