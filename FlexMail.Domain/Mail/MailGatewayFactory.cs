using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace FlexMail.Domain.Mail;

/// <summary>
/// Creates a mail gateway for one mailbox connection: the cloud's Graph endpoint, reached through the SDK's default
/// handlers (retry honouring Retry-After, redirects, compression) in front of the cloud's long-lived handler, with
/// the connection's access tokens sent to that Graph host only.
/// </summary>
public sealed class MailGatewayFactory(IMicrosoftCloud microsoft, TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>Retries of a throttled or unavailable request (the SDK's default).</summary>
    public const int MaxRetries = 3;

    /// <summary>
    /// How long the retries of one request may wait in all: a Retry-After beyond it answers the failure at once (with
    /// when to retry) rather than holding the caller for minutes.
    /// </summary>
    public static readonly TimeSpan RetriesTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>Folders asked for per page; every <c>@odata.nextLink</c> is followed whatever the size.</summary>
    internal int FolderPageSize { get; init; } = 100;

    public IMailGateway Create(CloudInstance cloud, IGraphAccessTokenSource tokens)
    {
        var endpoints = microsoft.EndpointsFor(cloud);
        var retry = new RetryHandlerOption
        {
            // One more try than retries allowed: then the handler hands back Graph's last answer (with its error body and
            // Retry-After) instead of throwing its own "too many retries" exception.
            MaxRetry = MaxRetries + 1,
            RetriesTimeLimit = RetriesTimeLimit,
            ShouldRetry = (_, attempt, response) => attempt < MaxRetries && (int)response.StatusCode is 429 or 503 or 504,
        };
        var handlers = GraphClientFactory.CreateDefaultHandlers()
            .Select(handler => handler is RetryHandler ? new RetryHandler(retry) : handler)
            .ToList();
        var http = GraphClientFactory.Create(handlers, finalHandler: microsoft.Handler, disposeHandler: false);
        var provider = new GraphTokenProvider(tokens, endpoints.GraphBaseUrl.Host);
        var client = new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(provider), endpoints.GraphBaseUrl.ToString().TrimEnd('/'));
        return new GraphMailGateway(client, http, provider, endpoints.GraphBaseUrl, new MailFailures(clock), loggers.CreateLogger<GraphMailGateway>(),
            FolderPageSize);
    }
}
