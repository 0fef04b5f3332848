namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>Registers the sandbox's Graph faults and puts their middleware in front of every <c>/sandbox/graph</c> request.</summary>
public static class SandboxFaultsPipeline
{
    /// <summary>The fault settings and the throttle's state (what the Faults page shows and changes).</summary>
    public static IServiceCollection AddSandboxFaults(this IServiceCollection services) => services
        .AddSingleton<SandboxFaults>()
        .AddSingleton<SandboxMailboxThrottle>()
        .AddSingleton<GraphMailboxTargets>();

    /// <summary>The middleware that applies the faults to Graph requests.</summary>
    public static IServiceCollection AddSandboxGraphFaults(this IServiceCollection services) => services
        .AddSingleton<SandboxGraphFaultsMiddleware>();

    public static IApplicationBuilder UseSandboxGraphFaults(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(SandboxTenant.GraphPath),
            graph => graph.UseMiddleware<SandboxGraphFaultsMiddleware>());
}
