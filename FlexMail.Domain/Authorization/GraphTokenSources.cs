using Azure.Core.Pipeline;
using Azure.Identity;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Security;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.Authorization;

/// <summary>Builds the token source an OAuth application gets Graph tokens from, against the endpoints of its cloud.</summary>
public sealed class GraphTokenSources(
    IMicrosoftCloud cloud,
    ISecretProtector protector,
    CredentialService credentials,
    ILogger<ApplicationTokenSource> logger)
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
            var certificate = await LoadCertificateAsync(application, cancellationToken);
            var options = Configure(new ClientCertificateCredentialOptions(), endpoints);
            var credential = new ClientCertificateCredential(application.TenantId, application.ClientId, certificate, options);
            return new ApplicationTokenSource(credential, scope, application.ClientId,
                context with { CertificateThumbprint = certificate.Thumbprint }, certificate, logger);
        }

        var secret = UnprotectSecret(application);
        var secretCredential = new ClientSecretCredential(application.TenantId, application.ClientId, secret,
            Configure(new ClientSecretCredentialOptions(), endpoints));
        return new ApplicationTokenSource(secretCredential, scope, application.ClientId, context, ownedCertificate: null, logger);
    }

    private T Configure<T>(T options, MicrosoftEndpoints endpoints) where T : TokenCredentialOptions
    {
        options.AuthorityHost = endpoints.AuthorityHost;
        options.Transport = new HttpClientTransport(cloud.CreateHttpClient());
        if (options is ClientSecretCredentialOptions secretOptions)
        {
            secretOptions.DisableInstanceDiscovery = true;
        }
        else if (options is ClientCertificateCredentialOptions certificateOptions)
        {
            certificateOptions.DisableInstanceDiscovery = true;
        }
        return options;
    }

    private string UnprotectSecret(OAuthApplication application)
    {
        if (string.IsNullOrEmpty(application.ProtectedClientSecret))
        {
            throw new TokenAcquisitionException(new EntraFailure(null,
                $"The OAuth application {application.Name} has no saved client secret.",
                "Edit the OAuth application and enter the Value of a client secret from its app registration."));
        }
        try
        {
            return protector.Unprotect(application.ProtectedClientSecret);
        }
        catch (SecretUnreadableException ex)
        {
            throw new TokenAcquisitionException(new EntraFailure(null, ex.Message,
                "Edit the OAuth application and enter its client secret again."), ex);
        }
    }

    private async Task<System.Security.Cryptography.X509Certificates.X509Certificate2> LoadCertificateAsync(
        OAuthApplication application, CancellationToken cancellationToken)
    {
        if (application.CertificateCredentialId is not { } certificateId || application.PrivateKeyCredentialId is not { } keyId)
        {
            throw new TokenAcquisitionException(new EntraFailure(null,
                $"The OAuth application {application.Name} has no certificate and private key chosen.",
                "Edit the OAuth application and choose the certificate uploaded to its app registration and its private key."));
        }
        var loaded = await credentials.LoadForSigningAsync(certificateId, keyId, cancellationToken);
        if (!loaded.Succeeded)
        {
            throw new TokenAcquisitionException(new EntraFailure(null,
                $"The certificate of OAuth application {application.Name} cannot be used: {loaded.Error.Message}",
                "Edit the OAuth application and choose a valid certificate and its matching private key."));
        }
        return loaded.Value;
    }
}
