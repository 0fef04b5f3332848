using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Hosting;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// With the sandbox on, every cloud's sign-in and Graph are the portal's own sandbox endpoints. The HTTP client
/// trusts exactly the portal's local HTTPS certificate (pinned by its public key) and no other; when
/// Kestrel serves a certificate of the operator's, the system's normal validation applies.
/// </summary>
public sealed class SandboxMicrosoftCloud : IMicrosoftCloud, IDisposable
{
    private readonly SandboxBaseAddress _address;
    private readonly SocketsHttpHandler _handler;

    public SandboxMicrosoftCloud(SandboxBaseAddress address, LocalHttpsCertificateInfo? localCertificate = null)
    {
        _address = address;
        _handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (localCertificate is not null)
        {
            var pin = PublicKeyPin(localCertificate.Certificate);
            _handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && CryptographicOperations.FixedTimeEquals(PublicKeyPin(certificate), pin);
        }
    }


    public MicrosoftEndpoints EndpointsFor(CloudInstance cloud) =>
        new(_address.AuthorityHost, _address.GraphBaseUrl, SandboxTenant.GraphResource);

    public HttpClient CreateHttpClient() => new(_handler, disposeHandler: false);

    public HttpMessageHandler Handler => _handler;

    public void Dispose() => _handler.Dispose();

    private static byte[] PublicKeyPin(X509Certificate certificate) =>
        SHA256.HashData(certificate is X509Certificate2 x509
            ? x509.PublicKey.ExportSubjectPublicKeyInfo()
            : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()).PublicKey.ExportSubjectPublicKeyInfo());
}
