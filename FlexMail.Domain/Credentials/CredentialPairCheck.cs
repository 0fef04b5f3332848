using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Whether a stored certificate and private key can sign in together: same public key, certificate in date.
/// <see cref="Field"/> names the draft field the finding belongs to.
/// </summary>
public sealed record CredentialPairCheck(string Field, string? Error, string? Warning)
{
    public static readonly TimeSpan ExpiryWarningWindow = TimeSpan.FromDays(30);

    public static CredentialPairCheck Check(Credential certificate, Credential privateKey, DateTimeOffset now)
    {
        const string certificateField = nameof(OAuthApplicationDraft.CertificateCredentialId);
        const string keyField = nameof(OAuthApplicationDraft.PrivateKeyCredentialId);
        if (!string.Equals(certificate.PublicKeyFingerprint, privateKey.PublicKeyFingerprint, StringComparison.OrdinalIgnoreCase))
        {
            return new(keyField,
                $"The private key \"{privateKey.Name}\" does not belong to the certificate \"{certificate.Name}\": their public keys differ. " +
                "Choose the key the certificate was made from.", null);
        }
        if (certificate.NotAfter is { } notAfter && notAfter <= now)
        {
            return new(certificateField,
                $"The certificate \"{certificate.Name}\" expired on {notAfter:yyyy-MM-dd}: Entra ID will refuse it. Upload a renewed certificate.", null);
        }
        if (certificate.NotBefore is { } notBefore && notBefore > now)
        {
            return new(certificateField, $"The certificate \"{certificate.Name}\" is not valid before {notBefore:yyyy-MM-dd HH:mm} UTC.", null);
        }
        if (certificate.NotAfter is { } expires && expires - now <= ExpiryWarningWindow)
        {
            return new(certificateField, null,
                $"The certificate \"{certificate.Name}\" expires on {expires:yyyy-MM-dd}: upload a renewed one to Entra ID and here before then.");
        }
        return new(certificateField, null, null);
    }
}
