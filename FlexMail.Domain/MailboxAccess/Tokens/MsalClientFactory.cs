using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using Microsoft.Identity.Client;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// Builds MSAL confidential clients for OAuth applications: the authority of the app's tenant in its cloud (no
/// instance discovery, so sovereign clouds and the sandbox work alike), the cloud's HTTP client, and the app's
/// client secret or certificate. Token caches are in memory only.
/// </summary>
public sealed class MsalClientFactory(IMicrosoftCloud cloud, OAuthApplicationSecrets secrets)
{
    private readonly CloudMsalHttpClientFactory _httpClients = new(cloud);

    /// <summary>A confidential client that signs users in through <paramref name="redirectUri"/>; the caller disposes it.</summary>
    public async Task<MsalConfidentialClient> CreateAsync(OAuthApplication application, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(redirectUri);
        var endpoints = cloud.EndpointsFor(application.Cloud);
        var builder = ConfidentialClientApplicationBuilder.Create(application.ClientId)
            .WithAuthority(endpoints.Authority(application.TenantId))
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(_httpClients)
            .WithRedirectUri(redirectUri.ToString());
        var context = new EntraErrorContext(endpoints.AuthorityHost, redirectUri.ToString());

        if (application.CredentialKind == CredentialKind.Certificate)
        {
            var certificate = await secrets.SigningCertificateAsync(application, cancellationToken);
            return new MsalConfidentialClient(builder.WithCertificate(certificate).Build(),
                context with { CertificateThumbprint = certificate.Thumbprint }, certificate);
        }
        return new MsalConfidentialClient(builder.WithClientSecret(secrets.ClientSecret(application)).Build(), context, null);
    }
}
