using FlexMail.Portal.Sandbox.Apps;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// Creates (or upgrades) the sandbox tenant at start, warns when it runs outside Development, and once the server
/// listens registers the portal's https addresses (and <see cref="SandboxOptions.BaseUrl"/>) as redirect URIs of the
/// portal's sign-in app (<see cref="SandboxPortalSignIn"/>), which remembers them for after a reset.
/// </summary>
internal sealed partial class SandboxStartup(
    SandboxStore store,
    SandboxPortalSignIn portalSignIn,
    IServer server,
    IOptions<SandboxOptions> options,
    IHostEnvironment environment,
    ILogger<SandboxStartup> logger) : IHostedLifecycleService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (!environment.IsDevelopment())
        {
            LogOnOutsideDevelopment(logger, environment.EnvironmentName);
        }
    }

    /// <summary>The server listens now: its addresses are known (port 0 resolved to the real port).</summary>
    public Task StartedAsync(CancellationToken cancellationToken) =>
        portalSignIn.RegisterRedirectUrisAsync(PortalAddresses(), cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The server's https listening addresses and the configured base URL.</summary>
    private IReadOnlyList<Uri> PortalAddresses() =>
        PortalAddresses(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], options.Value.BaseUrl);

    /// <summary>The https addresses among <paramref name="listening"/> (wildcard hosts + and * as localhost), and <paramref name="baseUrl"/> when set.</summary>
    internal static IReadOnlyList<Uri> PortalAddresses(IEnumerable<string> listening, string? baseUrl) =>
    [
        .. listening
            .Select(address => address.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal))
            .Append(baseUrl ?? "")
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(uri => uri.Scheme == Uri.UriSchemeHttps)
            .Distinct(),
    ];

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The sandbox tenant is ON in environment {Environment}: FlexMail signs in and sends mail against its own emulation, " +
        "not Microsoft 365. Set FlexMail:Sandbox:Enabled to false to connect to Microsoft.")]
    private static partial void LogOnOutsideDevelopment(ILogger logger, string environment);
}
