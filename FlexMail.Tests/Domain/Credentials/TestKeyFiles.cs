using System.Security.Cryptography;
using System.Text;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>The private-key file formats an admin may upload.</summary>
public enum TestKeyFormat
{
    /// <summary>BEGIN RSA PRIVATE KEY for RSA, BEGIN EC PRIVATE KEY for EC.</summary>
    TraditionalPem,
    Pkcs8Pem,
    EncryptedPkcs8Pem,
    OpenSsh,
    Pkcs8Der,
}

/// <summary>Private-key uploads made from generated keys.</summary>
internal static class TestKeyFiles
{
    public const string Passphrase = "Correct horse battery staple 7";

    /// <summary>What OpenSSL writes by default for an encrypted PKCS#8 key (PBES2, AES-256-CBC), with few iterations for speed.</summary>
    public static readonly PbeParameters Pbe = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048);

    public static CredentialUpload Create(AsymmetricAlgorithm key, TestKeyFormat format, string fileName = "client.key")
    {
        return format switch
        {
            TestKeyFormat.TraditionalPem => Text(key switch
            {
                RSA rsa => rsa.ExportRSAPrivateKeyPem(),
                ECDsa ecdsa => ecdsa.ExportECPrivateKeyPem(),
                _ => throw new ArgumentException("RSA or ECDsa only.", nameof(key)),
            }),
            TestKeyFormat.Pkcs8Pem => Text(key.ExportPkcs8PrivateKeyPem()),
            TestKeyFormat.EncryptedPkcs8Pem => Text(key.ExportEncryptedPkcs8PrivateKeyPem(Passphrase, Pbe), Passphrase),
            TestKeyFormat.OpenSsh => Text(OpenSshKeyWriter.Write(key)),
            _ => new CredentialUpload(fileName, key.ExportPkcs8PrivateKey()),
        };

        CredentialUpload Text(string text, string? password = null) => new(fileName, Encoding.ASCII.GetBytes(text), password);
    }
}
