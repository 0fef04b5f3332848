using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>Registers the reply monitor: assessing, recording, the cycle, the lease and state, control and queries, support's actions.</summary>
public static class RepliesRegistration
{
    public static IServiceCollection AddReplyMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReplyMonitorOptions>().Bind(configuration.GetSection(ReplyMonitorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReplySignal>();
        services.AddSingleton<ReplyEventSignal>();
        services.AddSingleton<ReplyEventFeed>();
        services.AddSingleton<GraphRequestPacer>();
        services.TryAddSingleton<IReplyMonitorHooks, NoReplyMonitorHooks>();
        services.AddSingleton<ReplyAssessor>();
        services.AddSingleton<ReplyRecorder>();
        services.AddSingleton<ReplyCycle>();
        services.AddSingleton<ReplyMonitorStore>();
        services.AddSingleton<ReplyMonitor>();
        services.AddSingleton<ReplyMonitorControl>();
        services.AddSingleton<ReplyQueries>();
        services.AddSingleton<ReplyMailReader>();
        services.AddSingleton<ReplySupport>();
        return services;
    }
}
