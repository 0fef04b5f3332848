using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.Connectivity;

/// <summary>Microsoft's real clouds, reached with the system's certificate validation.</summary>
public sealed class PublicMicrosoftCloud : IMicrosoftCloud, IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };


    public MicrosoftEndpoints EndpointsFor(CloudInstance cloud)
    {
        var endpoints = CloudEndpoints.For(cloud);
        return new MicrosoftEndpoints(endpoints.AuthorityHost, new Uri(endpoints.GraphHost, "v1.0"), endpoints.GraphHost.ToString().TrimEnd('/'));
    }

    public HttpClient CreateHttpClient() => new(_handler, disposeHandler: false);

    public HttpMessageHandler Handler => _handler;

    public void Dispose() => _handler.Dispose();
}
