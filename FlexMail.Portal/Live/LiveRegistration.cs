using FlexMail.Portal.Workers;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlexMail.Portal.Live;

/// <summary>Registers the live views' notifier, the feed that fills it and the circuit's reconnect signal.</summary>
internal static class LiveRegistration
{
    public static IServiceCollection AddFlexMailLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveInboxOptions>().Bind(configuration.GetSection(LiveInboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveInboxNotifier>();
        services.AddHostedService<LiveInboxFeedWorker>();
        services.AddScoped<LiveCircuitConnection>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<LiveCircuitConnection>());
        return services;
    }
}
