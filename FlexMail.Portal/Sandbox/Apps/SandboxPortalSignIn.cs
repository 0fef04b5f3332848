using System.Net;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// What the portal's own sign-in (OpenID Connect with Microsoft.Identity.Web) needs from the sandbox: the seeded app
/// registration FlexMail Portal (<see cref="ClientId"/>), a client secret for it that lives only in this process's
/// memory, and its redirect URIs for the addresses the portal listens at. After a sandbox reset the app is seeded again,
/// a new secret is made on the next <see cref="ClientSecretAsync"/> and the remembered addresses are registered again.
/// </summary>
public sealed partial class SandboxPortalSignIn(SandboxAppRegistrations apps, SandboxAppSeeder seeder, TimeProvider clock, ILogger<SandboxPortalSignIn> logger)
{
    /// <summary>The application (client) id of the seeded app registration FlexMail Portal.</summary>
    public static readonly Guid ClientId = SandboxSeedApps.PortalClientId;

    public const string CallbackPath = "/signin-oidc";

    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>The description of the secret this class makes; older secrets with it are removed when a new one is made.</summary>
    public const string SecretDescription = "Portal sign-in (made at start)";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<Uri> _addresses = [];
    private NewClientSecret? _secret;

    /// <summary>
    /// A client secret of FlexMail Portal for the portal's own sign-in: made once per process and kept only in memory;
    /// made again when it no longer works (the sandbox was reset, or someone deleted or expired it in the sandbox's pages).
    /// </summary>
    public async Task<string> ClientSecretAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureAppAsync(cancellationToken);
            var app = await apps.FindByClientIdAsync(ClientId, cancellationToken);
            var current = _secret is null ? null : app?.Secrets.FirstOrDefault(s => s.Id == _secret.SecretId);
            if (_secret is not null && current is not null && current.EndDateTime > clock.GetUtcNow())
            {
                return _secret.Value;
            }
            var made = await apps.AddSecretAsync(ClientId, SecretDescription, SandboxAppRegistrations.DefaultSecretLifetime, cancellationToken);
            foreach (var older in app?.Secrets.Where(s => s.Description == SecretDescription) ?? [])
            {
                await apps.DeleteSecretAsync(older.Id, cancellationToken);
            }
            _secret = made;
            LogSecretMade(logger, made.SecretId, made.Expires);
            return made.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Adds <c>{address}/signin-oidc</c> and <c>{address}/signout-callback-oidc</c> for each https address to FlexMail
    /// Portal's redirect URIs, keeping those already there; a loopback or any-address host (127.0.0.1, [::1], 0.0.0.0, [::])
    /// is registered in its <c>localhost</c> form too. The addresses are remembered and registered again after a reset.
    /// </summary>
    public async Task RegisterRedirectUrisAsync(IEnumerable<Uri> portalAddresses, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var address in portalAddresses.Where(a => a.Scheme == Uri.UriSchemeHttps))
            {
                if (!_addresses.Contains(address))
                {
                    _addresses.Add(address);
                }
            }
            await EnsureAppAsync(cancellationToken);
            await RegisterAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After the sandbox was reset (and FlexMail Portal seeded again): forgets the secret and registers the remembered addresses again.</summary>
    public async Task ReseededAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _secret = null;
            await RegisterAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The redirect URIs registered for one portal address: sign-in and signed-out callbacks, also in the localhost form.</summary>
    public static IReadOnlyList<string> RedirectUrisFor(Uri address)
    {
        if (address.Scheme != Uri.UriSchemeHttps)
        {
            return [];
        }
        var bases = new List<Uri> { address };
        if (IPAddress.TryParse(address.DnsSafeHost, out var ip) && (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            bases.Add(new UriBuilder(address) { Host = "localhost" }.Uri);
        }
        return [.. bases.SelectMany(b => new[] { Join(b, CallbackPath), Join(b, SignedOutCallbackPath) }).Distinct(StringComparer.Ordinal)];
    }

    private static string Join(Uri address, string path) => address.GetLeftPart(UriPartial.Authority) + address.AbsolutePath.TrimEnd('/') + path;

    private async Task EnsureAppAsync(CancellationToken cancellationToken)
    {
        if (await seeder.EnsureAsync(cancellationToken))
        {
            await RegisterAsync(cancellationToken);
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var app = await apps.FindByClientIdAsync(ClientId, cancellationToken);
        if (app is null)
        {
            return;
        }
        var wanted = _addresses.SelectMany(RedirectUrisFor).ToList();
        var added = wanted.Where(uri => !app.RedirectUris.Contains(uri, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            await apps.SetRedirectUrisAsync(ClientId, [.. app.RedirectUris, .. added], cancellationToken);
            LogRegistered(logger, string.Join(", ", added));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox: client secret {SecretId} made for the portal's sign-in app, valid until {Expires}")]
    private static partial void LogSecretMade(ILogger logger, Guid secretId, DateTimeOffset expires);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox: redirect URIs {RedirectUris} registered on the portal's sign-in app")]
    private static partial void LogRegistered(ILogger logger, string redirectUris);
}
