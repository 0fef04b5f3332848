using Azure.Core.Pipeline;
using Azure.Identity;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>Builds the token source an OAuth application gets Graph tokens from, against the endpoints of its cloud.</summary>
public sealed class ApplicationTokenSources(IMicrosoftCloud cloud, OAuthApplicationSecrets secrets, ILogger<ApplicationTokenSource> logger)
{
    /// <summary>
    /// A token source for application permissions (client credentials). Throws <see cref="TokenAcquisitionException"/>
    /// when the saved credential cannot be used at all (no secret, unreadable secret, certificate pair refused).
    /// The caller disposes the source.
    /// </summary>
    public async Task<ApplicationTokenSource> ForApplicationAsync(OAuthApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var endpoints = cloud.EndpointsFor(application.Cloud);
        var context = new EntraErrorContext(endpoints.AuthorityHost);
        var scope = endpoints.GraphDefaultScope;

        if (application.CredentialKind == CredentialKind.Certificate)
        {
            var certificate = await secrets.SigningCertificateAsync(application, cancellationToken);
            var options = new ClientCertificateCredentialOptions
            {
                AuthorityHost = endpoints.AuthorityHost,
                DisableInstanceDiscovery = true,
                Transport = new HttpClientTransport(cloud.CreateHttpClient()),
            };
            var credential = new ClientCertificateCredential(application.TenantId, application.ClientId, certificate, options);
            return new ApplicationTokenSource(credential, scope, application.ClientId,
                context with { CertificateThumbprint = certificate.Thumbprint }, certificate, logger);
        }

        var secretOptions = new ClientSecretCredentialOptions
        {
            AuthorityHost = endpoints.AuthorityHost,
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(cloud.CreateHttpClient()),
        };
        var secretCredential = new ClientSecretCredential(application.TenantId, application.ClientId, secrets.ClientSecret(application), secretOptions);
        return new ApplicationTokenSource(secretCredential, scope, application.ClientId, context, ownedCertificate: null, logger);
    }
}
