using System.Net;
using System.Security.Cryptography;
using FlexMail.Portal.Hosting;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>
/// The portal on real Kestrel ports (HTTPS with its own local certificate, plus HTTP) and a Chromium that trusts
/// exactly that certificate (pinned by its public key), never any certificate.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private IPlaywright? _playwright;

    public Uri HttpsAddress { get; private set; } = null!;

    public Uri HttpAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _portal.Services;

    public async Task InitializeAsync()
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

        var certificate = _portal.Services.GetRequiredService<LocalHttpsCertificateInfo>().Certificate;
        var publicKeyPin = Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
        _playwright = await Playwright.CreateAsync();
        Browser = await ChromiumLauncher.LaunchAsync(_playwright, [$"--ignore-certificate-errors-spki-list={publicKeyPin}"]);
    }

    public async Task<IPage> OpenPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = HttpsAddress.ToString() });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _portal.DisposeAsync();
    }
}
