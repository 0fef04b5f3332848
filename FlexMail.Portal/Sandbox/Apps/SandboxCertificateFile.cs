using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// Reads a public certificate uploaded to an app registration (.cer, .crt or .pem; DER or PEM), as the Entra admin
/// center accepts. A file that carries a private key is refused: only the public part belongs in the app.
/// </summary>
public static class SandboxCertificateFile
{
    public const long MaxBytes = 64 * 1024;

    public const string Accept = ".cer,.crt,.pem";

    /// <summary>The certificate, or the plain-language reason the file is refused.</summary>
    public static (X509Certificate2? Certificate, string? Problem) Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".cer" or ".crt" or ".pem"))
        {
            return (null, $"{fileName} is not a public certificate file: upload a .cer, .crt or .pem file.");
        }
        var text = Encoding.ASCII.GetString(content);
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return (null, $"{fileName} contains a private key. Upload only the public certificate: the private key stays with FlexMail.");
        }
        try
        {
            var certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(content);
            return (certificate, null);
        }
        catch (CryptographicException)
        {
            return (null, $"{fileName} is not a readable X.509 certificate (DER or PEM).");
        }
    }
}
