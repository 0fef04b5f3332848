using System.Net;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Support;

/// <summary>
/// The whole portal on real Kestrel ports (HTTPS with its own local certificate, plus HTTP), sandbox tenant on, so
/// that real clients (browsers, MSAL, Azure.Identity, the Graph SDK) talk to it over the network.
/// </summary>
public class KestrelPortal : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public KestrelPortal()
    {
    }

    /// <param name="settings">Configuration of this portal beyond the defaults (key, value), e.g. <c>FlexMail:Sandbox:QuickSetup</c>.</param>
    internal KestrelPortal(params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            _portal.Settings[key] = value;
        }
    }

    public Uri HttpsAddress { get; private set; } = null!;

    public Uri HttpAddress { get; private set; } = null!;

    public IServiceProvider Services => _portal.Services;

    /// <summary>Where FlexMail's own clients reach sign-in and Graph: the sandbox, trusted by its exact certificate.</summary>
    public IMicrosoftCloud Cloud => Services.GetRequiredService<IMicrosoftCloud>();

    public MicrosoftEndpoints Endpoints => Cloud.EndpointsFor(CloudInstance.Global);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task InitializeAsync()
    {
        _portal.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps());
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });
        _portal.StartServer();
        var addresses = _portal.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        HttpsAddress = new Uri(addresses.Single(address => address.StartsWith("https://", StringComparison.Ordinal)));
        HttpAddress = new Uri(addresses.Single(address => address.StartsWith("http://", StringComparison.Ordinal)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
