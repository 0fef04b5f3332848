using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Reads a PKCS#12 (.pfx/.p12) upload: checks the password against the file's MAC first (so "wrong password" and
/// "damaged file" are told apart), picks the certificate that has the private key (else the leaf), and keeps that key.
/// </summary>
internal static class Pkcs12Reader
{
    private const string Format = "PKCS#12";

    public static Result<ParsedCertificate> Read(CredentialUpload upload, byte[] bytes, DateTimeOffset now)
    {
        var fileName = upload.FileName;
        if (PbeIterationCount.ReadPfxMac(bytes) is { } iterations && iterations > PbeIterationCount.Maximum)
        {
            return CredentialErrors.TooManyPfxIterations(fileName, iterations);
        }
        Pkcs12Info info;
        try
        {
            info = Pkcs12Info.Decode(bytes, out _, skipCopy: true);
        }
        catch (CryptographicException)
        {
            return CredentialErrors.DamagedContent(fileName, "a PKCS#12 (.pfx) file");
        }
        if (!TryFindPassword(info, upload.Password, out var password))
        {
            return string.IsNullOrEmpty(upload.Password)
                ? CredentialErrors.PfxPasswordRequired(fileName)
                : CredentialErrors.WrongPfxPassword(fileName);
        }

        X509Certificate2Collection certificates;
        try
        {
            certificates = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException)
        {
            return CredentialErrors.DamagedContent(fileName, "a PKCS#12 (.pfx) file");
        }
        try
        {
            var certificate = certificates.FirstOrDefault(candidate => candidate.HasPrivateKey) ?? Leaf(certificates);
            return certificate is null
                ? CredentialErrors.DamagedContent(fileName, "a PKCS#12 (.pfx) file with a certificate in it")
                : Parse(certificate, fileName, now);
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static Result<ParsedCertificate> Parse(X509Certificate2 certificate, string fileName, DateTimeOffset now)
    {
        var withoutKey = CertificateParser.Describe(certificate, Format, containsPrivateKey: false, fileName, now);
        if (!withoutKey.Succeeded)
        {
            return withoutKey.Problem;
        }
        var privateKey = ReadPrivateKey(certificate, withoutKey.Value.Key);
        var details = withoutKey.Value with { ContainsPrivateKey = privateKey is not null };
        return new ParsedCertificate(details, certificate.RawData, privateKey);
    }

    /// <summary>The certificate's own private key as PKCS#8, when the file has it (and it really is this certificate's).</summary>
    private static ParsedPrivateKey? ReadPrivateKey(X509Certificate2 certificate, KeyDetails certificateKey)
    {
        if (!certificate.HasPrivateKey)
        {
            return null;
        }
        using AsymmetricAlgorithm? key = certificateKey.Algorithm == KeyAlgorithms.Rsa
            ? certificate.GetRSAPrivateKey()
            : certificate.GetECDsaPrivateKey();
        if (key is null || KeyAlgorithms.PublicKeyFingerprint(key) != certificateKey.PublicKeyFingerprint)
        {
            return null;
        }
        return new ParsedPrivateKey(new PrivateKeyDetails(certificateKey, Format), PrivateKeyMaterial.ToPkcs8(key));
    }

    private static bool TryFindPassword(Pkcs12Info info, string? given, out string? password)
    {
        password = given;
        if (info.IntegrityMode != Pkcs12IntegrityMode.Password)
        {
            return true;
        }
        // A file exported "without a password" has a MAC over the empty (or absent) password; accept it whatever was typed.
        foreach (var candidate in new[] { given, null, string.Empty })
        {
            if (info.VerifyMac(candidate))
            {
                password = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>The certificate that issued none of the others (the end-entity one of a chain).</summary>
    private static X509Certificate2? Leaf(X509Certificate2Collection certificates) =>
        certificates.FirstOrDefault(candidate => !certificates.Any(other =>
            !ReferenceEquals(other, candidate) && other.IssuerName.RawData.AsSpan().SequenceEqual(candidate.SubjectName.RawData)))
        ?? certificates.FirstOrDefault();
}
