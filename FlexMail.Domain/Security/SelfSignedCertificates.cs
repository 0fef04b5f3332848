using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FlexMail.Domain.Security;

/// <summary>Creates the self-signed certificates the embedded default needs (HTTPS, key encryption).</summary>
public static class SelfSignedCertificates
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>A TLS server certificate for the given host names (and loopback addresses).</summary>
    public static X509Certificate2 CreateTlsServer(IEnumerable<string> dnsNames, TimeProvider clock, TimeSpan lifetime)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=FlexMail local HTTPS", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dnsName in dnsNames)
        {
            names.AddDnsName(dnsName);
        }
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return Create(request, clock, lifetime);
    }

    /// <summary>A certificate whose RSA key encrypts the data-protection key ring.</summary>
    public static X509Certificate2 CreateKeyEncryption(TimeProvider clock, TimeSpan lifetime)
    {
        using var key = RSA.Create(3072);
        var request = new CertificateRequest("CN=FlexMail key encryption", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        return Create(request, clock, lifetime);
    }

    private static X509Certificate2 Create(CertificateRequest request, TimeProvider clock, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(lifetime));
        // Round-trip through PKCS#12 so the private key is usable on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
