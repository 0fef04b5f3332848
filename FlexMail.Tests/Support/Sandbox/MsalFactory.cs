using System.Text.Json;
using FlexMail.Domain.Connectivity;
using FlexMail.Portal.Sandbox;
using Microsoft.Identity.Client;

namespace FlexMail.Tests.Support.Sandbox;

/// <summary>
/// MSAL confidential clients against the sandbox, configured as FlexMail configures them: the tenant's authority,
/// no instance discovery, HTTP through the client that trusts exactly the portal's certificate.
/// </summary>
public sealed class MsalFactory(KestrelPortal portal)
{
    /// <summary>
    /// The authority MSAL is given. MSAL keeps only the first path segment of an authority as the tenant, so the
    /// tenant sits directly under the host (the sandbox serves its endpoints there too).
    /// </summary>
    public Uri Authority => portal.Endpoints.Authority(SandboxTenant.TenantId.ToString());

    public IConfidentialClientApplication Create(SandboxTestApp app, TokenCacheRecorder? recorder = null, Uri? authority = null)
    {
        var client = ConfidentialClientApplicationBuilder.Create(app.ClientId.ToString())
            .WithAuthority((authority ?? Authority).ToString())
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new CloudHttpClientFactory(portal.Cloud))
            .WithClientSecret(app.Secret)
            .WithRedirectUri(app.RedirectUri)
            .Build();
        recorder?.Attach(client.UserTokenCache);
        return client;
    }

    private sealed class CloudHttpClientFactory(IMicrosoftCloud cloud) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => cloud.CreateHttpClient();
    }
}

/// <summary>Keeps the last serialized state of an MSAL user token cache, to read the refresh tokens it holds.</summary>
public sealed class TokenCacheRecorder
{
    private byte[] _state = [];

    public void Attach(ITokenCache cache)
    {
        cache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(_state));
        cache.SetAfterAccess(args =>
        {
            if (args.HasStateChanged)
            {
                _state = args.TokenCache.SerializeMsalV3();
            }
        });
    }

    public IReadOnlyList<string> RefreshTokens
    {
        get
        {
            if (_state.Length == 0)
            {
                return [];
            }
            using var document = JsonDocument.Parse(_state);
            return document.RootElement.TryGetProperty("RefreshToken", out var tokens)
                ? [.. tokens.EnumerateObject().Select(entry => entry.Value.GetProperty("secret").GetString()!)]
                : [];
        }
    }
}
