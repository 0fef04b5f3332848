using System.Globalization;

namespace FlexMail.Domain.Credentials;

/// <summary>A certificate and private key that belong together, with a warning when the certificate needs attention soon.</summary>
public sealed record PairCheck(ExpiryStatus CertificateStatus, DateTimeOffset CertificateNotAfter, string Message, string? Warning);

/// <summary>
/// Decides whether a certificate and a private key can be used together for Entra ID client-certificate sign-in:
/// their public keys must be equal and the certificate must not have expired.
/// </summary>
public static class CredentialPairing
{
    private const string Matches = "The private key belongs to this certificate: their public keys are equal.";

    /// <summary>The check over what a preview returned, so the setup wizard can check before anything is saved.</summary>
    public static Result<PairCheck> Check(CertificateDetails certificate, PrivateKeyDetails privateKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(privateKey);
        return Check(certificate.Key.PublicKeyFingerprint, certificate.NotBefore, certificate.NotAfter,
            privateKey.Key.PublicKeyFingerprint, now);
    }

    public static Result<PairCheck> Check(
        string certificateFingerprint, DateTimeOffset notBefore, DateTimeOffset notAfter, string privateKeyFingerprint, DateTimeOffset now)
    {
        if (!string.Equals(certificateFingerprint, privateKeyFingerprint, StringComparison.OrdinalIgnoreCase))
        {
            return CredentialErrors.KeyDoesNotMatchCertificate();
        }
        var status = CertificateExpiry.Evaluate(notBefore, notAfter, now);
        var warning = status switch
        {
            ExpiryStatus.Expired => null,
            ExpiryStatus.ExpiringSoon =>
                $"The certificate expires on {Day(notAfter)} (in {Math.Max(0, (int)Math.Ceiling((notAfter - now).TotalDays))} days). " +
                "Create a new certificate and upload it to the app registration and to FlexMail before then.",
            ExpiryStatus.NotYetValid =>
                $"The certificate is valid only from {Day(notBefore)}; Entra ID refuses it before then.",
            _ => null,
        };
        return status == ExpiryStatus.Expired
            ? CredentialErrors.CertificateExpired(notAfter)
            : new PairCheck(status, notAfter, Matches, warning);
    }

    private static string Day(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
