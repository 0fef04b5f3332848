using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FlexMail.Domain.Credentials;

/// <summary>Reads a certificate upload (PEM, DER or PKCS#12, recognised by content) into <see cref="ParsedCertificate"/>.</summary>
internal static class CertificateParser
{
    public static Result<ParsedCertificate> Parse(CredentialUpload upload, DateTimeOffset now)
    {
        var read = CredentialFileReader.Read(upload, CredentialPurpose.Certificate);
        if (!read.Succeeded)
        {
            return read.Problem;
        }
        var content = read.Value;
        return content.Kind switch
        {
            ContentKind.Certificate => FromDer(upload.FileName, content, now),
            ContentKind.Pkcs12 => Pkcs12Reader.Read(upload, content.Bytes, now),
            _ => CredentialErrors.NotACertificate(upload.FileName, content.Kind),
        };
    }

    /// <summary>The details of a loaded certificate, or why its key is not supported.</summary>
    public static Result<CertificateDetails> Describe(
        X509Certificate2 certificate, string format, bool containsPrivateKey, string fileName, DateTimeOffset now)
    {
        var key = DescribePublicKey(certificate, fileName);
        if (!key.Succeeded)
        {
            return key.Problem;
        }
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        return new CertificateDetails(
            certificate.Subject,
            certificate.Issuer,
            certificate.SerialNumber,
            notBefore,
            notAfter,
            CertificateExpiry.Evaluate(notBefore, notAfter, now),
            key.Value,
            new CertificateThumbprints(
                Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA1)),
                Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256))),
            format,
            containsPrivateKey);
    }

    private static Result<ParsedCertificate> FromDer(string fileName, CredentialContent content, DateTimeOffset now)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(content.Bytes);
        }
        catch (CryptographicException)
        {
            return CredentialErrors.DamagedContent(fileName, "a certificate");
        }
        using (certificate)
        {
            var details = Describe(certificate, content.Format, containsPrivateKey: false, fileName, now);
            return details.Succeeded
                ? new ParsedCertificate(details.Value with { FileAlsoHoldsPrivateKey = content.AlsoHoldsOtherPart }, certificate.RawData, PrivateKey: null)
                : details.Problem;
        }
    }

    private static Result<KeyDetails> DescribePublicKey(X509Certificate2 certificate, string fileName)
    {
        var algorithm = certificate.PublicKey.Oid.Value;
        try
        {
            if (KeyAlgorithms.IsRsa(algorithm))
            {
                using var rsa = certificate.GetRSAPublicKey();
                return rsa is null ? CredentialErrors.DamagedContent(fileName, "a certificate") : KeyAlgorithms.Describe(rsa, fileName);
            }
            if (KeyAlgorithms.IsEc(algorithm))
            {
                using var ecdsa = certificate.GetECDsaPublicKey();
                return ecdsa is null ? CredentialErrors.DamagedContent(fileName, "a certificate") : KeyAlgorithms.Describe(ecdsa, fileName);
            }
        }
        catch (CryptographicException)
        {
            // A curve or key encoding this platform cannot load: certainly not one of the supported ones.
            return CredentialErrors.UnsupportedAlgorithm(fileName, "an EC key on a curve this system cannot read");
        }
        return CredentialErrors.UnsupportedAlgorithm(fileName, KeyAlgorithms.NameOfUnsupported(algorithm));
    }
}
