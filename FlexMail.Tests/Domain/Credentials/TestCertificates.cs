using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>Self-signed certificates and the upload files made from them, all generated in the test.</summary>
internal static class TestCertificates
{
    public const string Subject = "CN=FlexMail Entra client, O=Contoso";

    /// <summary>The moment every credential test starts at (the FakeTimeProvider's start).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A self-signed certificate (with its private key) valid from a day before <see cref="Now"/> for a year.</summary>
    public static X509Certificate2 Create(TestKeyKind kind, int variant = 0) =>
        Create(TestKeys.Create(kind, variant), Now.AddDays(-1), Now.AddYears(1));

    public static X509Certificate2 Create(AsymmetricAlgorithm key, DateTimeOffset notBefore, DateTimeOffset notAfter, string subject = Subject)
    {
        using (key)
        {
            var request = key switch
            {
                RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
                _ => throw new ArgumentException("RSA or ECDsa only.", nameof(key)),
            };
            return request.CreateSelfSigned(notBefore, notAfter);
        }
    }

    public static CredentialUpload Pem(X509Certificate2 certificate, string fileName = "client.crt") =>
        Text(certificate.ExportCertificatePem(), fileName);

    public static CredentialUpload Der(X509Certificate2 certificate, string fileName = "client.cer") =>
        new(fileName, certificate.RawData);

    public static CredentialUpload Pfx(X509Certificate2 certificate, string? password, string fileName = "client.pfx") =>
        new(fileName, certificate.Export(X509ContentType.Pkcs12, password), password);

    /// <summary>A PKCS#12 file that holds only the certificate (no private key).</summary>
    public static CredentialUpload PfxWithoutKey(X509Certificate2 certificate, string? password, string fileName = "public.pfx")
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        return new(fileName, publicOnly.Export(X509ContentType.Pkcs12, password), password);
    }

    public static CredentialUpload Text(string text, string fileName, string? password = null) =>
        new(fileName, Encoding.ASCII.GetBytes(text), password);

    /// <summary>The certificate's private key, exported the way the test asks (PKCS#1, SEC1, PKCS#8 ...).</summary>
    public static AsymmetricAlgorithm PrivateKeyOf(X509Certificate2 certificate) =>
        (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
        ?? throw new InvalidOperationException("The test certificate has no private key.");
}
