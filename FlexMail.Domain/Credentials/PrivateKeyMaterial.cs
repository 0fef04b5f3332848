using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace FlexMail.Domain.Credentials;

/// <summary>Moves private keys between PKCS#8 DER and key objects.</summary>
internal static class PrivateKeyMaterial
{
    /// <summary>The key as PKCS#8 DER, also where the platform allows only encrypted export (Windows CNG keys from a .pfx).</summary>
    public static byte[] ToPkcs8(AsymmetricAlgorithm key)
    {
        try
        {
            return key.ExportPkcs8PrivateKey();
        }
        catch (CryptographicException)
        {
            var transientPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            var encrypted = key.ExportEncryptedPkcs8PrivateKey(transientPassword,
                new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, iterationCount: 1));
            return Pkcs8PrivateKeyInfo.DecryptAndDecode(transientPassword, encrypted, out _).Encode();
        }
    }

    /// <summary>An RSA or ECDsa key from PKCS#8 DER, or why it cannot be one (unsupported algorithm, damaged).</summary>
    public static Result<AsymmetricAlgorithm> ImportPkcs8(byte[] pkcs8, string fileName)
    {
        string? algorithm;
        try
        {
            algorithm = Pkcs8PrivateKeyInfo.Decode(pkcs8, out _, skipCopy: true).AlgorithmId.Value;
        }
        catch (CryptographicException)
        {
            return CredentialErrors.DamagedContent(fileName, "a PKCS#8 private key");
        }

        if (KeyAlgorithms.IsRsa(algorithm))
        {
            return Import(RSA.Create(), key => key.ImportPkcs8PrivateKey(pkcs8, out _), fileName, "an RSA private key");
        }
        if (KeyAlgorithms.IsEc(algorithm))
        {
            return Import(ECDsa.Create(), key => key.ImportPkcs8PrivateKey(pkcs8, out _), fileName, "an EC private key");
        }
        return CredentialErrors.UnsupportedAlgorithm(fileName, KeyAlgorithms.NameOfUnsupported(algorithm));
    }

    /// <summary>Runs <paramref name="import"/> on a new key; a refusal means the structure is damaged.</summary>
    public static Result<AsymmetricAlgorithm> Import<TKey>(TKey key, Action<TKey> import, string fileName, string what)
        where TKey : AsymmetricAlgorithm
    {
        try
        {
            import(key);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return CredentialErrors.DamagedContent(fileName, what);
        }
    }
}
