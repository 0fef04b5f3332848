using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Security;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// The credential an OAuth application signs in with, taken out of storage: its client secret unprotected, or its
/// certificate with the private key attached. A credential that cannot be used throws
/// <see cref="TokenAcquisitionException"/> saying what to correct.
/// </summary>
public sealed class OAuthApplicationSecrets(ISecretProtector protector, CredentialService credentials)
{
    public string ClientSecret(OAuthApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
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

    /// <summary>The certificate with its private key; the caller disposes it.</summary>
    public async Task<X509Certificate2> SigningCertificateAsync(OAuthApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
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
                $"The certificate of OAuth application {application.Name} cannot be used: {loaded.Problem.Cause}",
                "Edit the OAuth application and choose a valid certificate and its matching private key."));
        }
        return loaded.Value;
    }
}
