using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.Connectivity;

/// <summary>
/// How FlexMail reaches Microsoft: the endpoints of a cloud, and the HTTP client the identity and Graph libraries
/// must use. In production these are Microsoft's hosts with the system's certificate validation; with the sandbox
/// tenant on, they are the portal's own sandbox, trusted by its exact certificate.
/// </summary>
public interface IMicrosoftCloud
{
    MicrosoftEndpoints EndpointsFor(CloudInstance cloud);

    /// <summary>An HTTP client for the identity platform and Graph (long-lived handler; dispose the client freely).</summary>
    HttpClient CreateHttpClient();

    /// <summary>
    /// The long-lived handler under <see cref="CreateHttpClient"/>, for pipelines that add their own handlers in front
    /// (the Graph SDK's retry and redirect handlers). Never dispose it.
    /// </summary>
    HttpMessageHandler Handler { get; }
}
