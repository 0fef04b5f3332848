using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Security;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// The stored form of credential material: base64 of the DER (certificate, or PKCS#8 private key) protected by
/// <see cref="ISecretProtector"/>; and the signing certificate built from a stored pair.
/// </summary>
internal static class CredentialMaterial
{
    public static string Protect(ISecretProtector protector, byte[] der) => protector.Protect(Convert.ToBase64String(der));

    public static byte[] Unprotect(ISecretProtector protector, Credential credential) =>
        Convert.FromBase64String(protector.Unprotect(credential.ProtectedMaterial));

    public static string ToPem(byte[] certificateDer) => PemEncoding.WriteString("CERTIFICATE", certificateDer) + "\n";

    /// <summary>The certificate with its private key attached (<c>CopyWithPrivateKey</c>); the caller disposes it.</summary>
    public static X509Certificate2 CreateSigningCertificate(byte[] certificateDer, byte[] pkcs8)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(certificateDer);
            var imported = PrivateKeyMaterial.ImportPkcs8(pkcs8, "the stored private key");
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException($"A stored private key could not be loaded: {imported.Problem.Cause}");
            }
            using var key = imported.Value;
            return key switch
            {
                RSA rsa => certificate.CopyWithPrivateKey(rsa),
                ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
                _ => throw new InvalidOperationException($"A stored private key has an unexpected type ({key.GetType().Name})."),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
