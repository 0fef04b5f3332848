using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// The HTTPS address at which the sandbox is reached: <see cref="SandboxOptions.BaseUrl"/> when set, else the
/// portal's own HTTPS endpoint with <c>localhost</c> as host (the name its local certificate carries).
/// </summary>
public sealed class SandboxBaseAddress(IOptions<SandboxOptions> options, IServer server)
{
    private Uri? _baseUrl;

    public Uri BaseUrl => _baseUrl ??= Resolve();

    /// <summary>
    /// The authority host FlexMail's clients use: the portal's root, so that an authority is <c>{root}/{tenant}</c> as on
    /// login.microsoftonline.com. MSAL keeps only an authority's first path segment as the tenant and Azure.Identity
    /// keeps only the host of its authority host, so neither can use <c>/sandbox/login/{tenant}</c>; the identity
    /// endpoints answer at both places.
    /// </summary>
    public Uri AuthorityHost => BaseUrl;

    public Uri GraphBaseUrl => new(BaseUrl, $"{SandboxTenant.GraphPath.TrimStart('/')}/v1.0");

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
        {
            return new Uri(options.Value.BaseUrl.TrimEnd('/') + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var https = addresses.FirstOrDefault(address => address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                "The sandbox tenant needs the portal to listen on HTTPS (MSAL and Azure.Identity accept only https authorities). " +
                "Add an https:// address to Urls, or set FlexMail:Sandbox:BaseUrl.");
        // Wildcard and loopback hosts are reached as localhost, the name the local certificate is issued for.
        var port = new Uri(https.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost")).Port;
        return new Uri($"https://localhost:{port}/");
    }
}
