using System.Security.Cryptography;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Browser.PageModels;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>
/// The portal on real Kestrel ports (HTTPS with its own local certificate, plus HTTP) and a Chromium that trusts
/// exactly that certificate (pinned by its public key), never any certificate.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    private readonly KestrelPortal _portal = new();
    private IPlaywright? _playwright;

    public Uri HttpsAddress => _portal.HttpsAddress;

    public Uri HttpAddress => _portal.HttpAddress;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _portal.Services;

    public KestrelPortal Portal => _portal;

    /// <summary>
    /// How long an expectation waits for its condition: generous, because a busy two-core CI machine renders slowly;
    /// a passing expectation returns as soon as the condition holds.
    /// </summary>
    private const float ExpectTimeoutMilliseconds = 20_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMilliseconds);
        await _portal.InitializeAsync();
        var certificate = _portal.Services.GetRequiredService<LocalHttpsCertificateInfo>().Certificate;
        var publicKeyPin = Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
        _playwright = await Playwright.CreateAsync();
        Browser = await ChromiumLauncher.LaunchAsync(_playwright, [$"--ignore-certificate-errors-spki-list={publicKeyPin}"]);
    }

    /// <summary>
    /// A new browser context signed in as <paramref name="user"/> (default: Megan Bowen, the sandbox's Admin) through
    /// the sandbox's sign-in page, as a person signs in; the page is left where sign-in brought it back (the dashboard).
    /// </summary>
    public async Task<IPage> OpenPageAsync(SandboxUser? user = null, BrowserNewContextOptions? options = null)
    {
        var page = await OpenAnonymousPageAsync(options);
        await new PortalSignInPageModel(page).SignInAsync(user ?? SandboxSeed.MeganBowen);
        return page;
    }

    /// <summary>A new browser context that has not signed in.</summary>
    public async Task<IPage> OpenAnonymousPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= HttpsAddress.ToString();
        var context = await Browser.NewContextAsync(options);
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
