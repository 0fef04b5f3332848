namespace FlexMail.Portal.Sandbox;

/// <summary>Creates (or upgrades) the sandbox tenant at start, and warns when it runs outside Development.</summary>
internal sealed partial class SandboxStartup(SandboxStore store, IHostEnvironment environment, ILogger<SandboxStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (!environment.IsDevelopment())
        {
            LogOnOutsideDevelopment(logger, environment.EnvironmentName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The sandbox tenant is ON in environment {Environment}: FlexMail signs in and sends mail against its own emulation, " +
        "not Microsoft 365. Set FlexMail:Sandbox:Enabled to false to connect to Microsoft.")]
    private static partial void LogOnOutsideDevelopment(ILogger logger, string environment);
}
