using System.Net.Http.Headers;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>
/// Real Microsoft Graph SDK clients against the portal's sandbox Graph over HTTPS, with access tokens minted by the
/// sandbox's token service (delegated for a user with scopes, or application with roles).
/// </summary>
public sealed class SandboxGraph(KestrelPortal portal)
{
    public static readonly string[] ServiceScopes = ["User.Read", "Mail.ReadWrite", "Mail.Send", "Mail.Read.Shared", "Mail.ReadWrite.Shared", "Mail.Send.Shared"];

    public Uri GraphBaseUrl => portal.Endpoints.GraphBaseUrl;

    public Task<string> DelegatedTokenAsync(SandboxUser user, params string[] scopes) => IssueAsync(
        new SandboxAccessToken(SandboxTenant.TenantId, Guid.NewGuid(), "FlexMail tests", user.Id, user.UserPrincipalName, scopes, []));

    public Task<string> ApplicationTokenAsync(params string[] roles) => IssueAsync(
        new SandboxAccessToken(SandboxTenant.TenantId, Guid.NewGuid(), "FlexMail tests", null, null, [], roles));

    /// <summary>The service user with FlexMail's delegated scopes.</summary>
    public async Task<GraphServiceClient> ServiceUserAsync() => Client(await DelegatedTokenAsync(SandboxSeed.ServiceUser, ServiceScopes));

    public async Task<GraphServiceClient> DelegatedAsync(SandboxUser user, params string[] scopes) => Client(await DelegatedTokenAsync(user, scopes));

    public async Task<GraphServiceClient> ApplicationAsync(params string[] roles) => Client(await ApplicationTokenAsync(roles));

    /// <summary>
    /// The SDK sends a token only to allowed hosts (Microsoft's by default), so the sandbox host is allowed explicitly.
    /// </summary>
    public GraphServiceClient Client(string token) =>
        new(portal.Cloud.CreateHttpClient(), new BaseBearerTokenAuthenticationProvider(new FixedTokenProvider(token, GraphBaseUrl.Host)),
            GraphBaseUrl.ToString().TrimEnd('/'));

    /// <summary>
    /// A Graph client as an application builds it for production: the SDK's default handlers (retry honouring
    /// Retry-After, redirects, compression) in front of the handler that trusts exactly the portal's certificate.
    /// </summary>
    public GraphServiceClient ClientWithDefaultHandlers(string token) =>
        new(GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: portal.Cloud.Handler, disposeHandler: false),
            new BaseBearerTokenAuthenticationProvider(new FixedTokenProvider(token, GraphBaseUrl.Host)), GraphBaseUrl.ToString().TrimEnd('/'));

    /// <summary>A plain HTTP client with the bearer token, for what the SDK will not send (a 21-step batch, a bad token).</summary>
    public HttpClient Http(string token)
    {
        var client = portal.Cloud.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Uri Url(string relative) => new($"{GraphBaseUrl.ToString().TrimEnd('/')}/{relative.TrimStart('/')}");

    /// <summary>Puts mail in a mailbox's Inbox through the sandbox's transport.</summary>
    public Task<SandboxDelivery> DeliverAsync(SandboxUser to, string subject, SandboxAddress? from = null) =>
        portal.Get<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
            SandboxSeed.ServiceUser.Id,
            from ?? new SandboxAddress("Fabrikam Orders", "orders@fabrikam.test"),
            [new SandboxAddress(to.DisplayName, to.Mail!)],
            subject, "text", $"Body of {subject}")
        {
            SaveToSentItems = false,
        }, CancellationToken.None);

    private Task<string> IssueAsync(SandboxAccessToken token) =>
        portal.Get<SandboxTokenService>().IssueAccessTokenAsync(portal.Get<SandboxBaseAddress>().BaseUrl, token, CancellationToken.None);

    private sealed class FixedTokenProvider(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : "");
    }
}
