using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// Reads a private-key upload (PEM PKCS#1, EC, PKCS#8, encrypted PKCS#8, OpenSSH; DER forms too), recognised by
/// content, into <see cref="ParsedPrivateKey"/> holding PKCS#8 DER.
/// </summary>
internal static class PrivateKeyParser
{
    /// <param name="upload">The file and its passphrase.</param>
    /// <param name="cancellationToken">Checked before the one costly step, decrypting (which itself cannot be stopped; its
    /// cost is bounded by <see cref="PbeIterationCount.Maximum"/>).</param>
    public static Result<ParsedPrivateKey> Parse(CredentialUpload upload, CancellationToken cancellationToken = default)
    {
        var read = CredentialFileReader.Read(upload, CredentialPurpose.PrivateKey);
        if (!read.Succeeded)
        {
            return read.Problem;
        }
        var content = read.Value;
        var fileName = upload.FileName;
        Result<AsymmetricAlgorithm> imported = content.Kind switch
        {
            ContentKind.Pkcs8PrivateKey => PrivateKeyMaterial.ImportPkcs8(content.Bytes, fileName),
            ContentKind.EncryptedPkcs8PrivateKey => Decrypt(content.Bytes, upload.Password, fileName, cancellationToken),
            ContentKind.RsaPrivateKey => PrivateKeyMaterial.Import(
                RSA.Create(), key => key.ImportRSAPrivateKey(content.Bytes, out _), fileName, "an RSA private key"),
            ContentKind.EcPrivateKey => PrivateKeyMaterial.Import(
                ECDsa.Create(), key => key.ImportECPrivateKey(content.Bytes, out _), fileName, "an EC private key"),
            ContentKind.OpenSshPrivateKey => OpenSshKeyReader.Read(content.Bytes, fileName),
            ContentKind.LegacyEncryptedPemKey => CredentialErrors.LegacyEncryptedPem(fileName),
            ContentKind.DsaPrivateKey => CredentialErrors.UnsupportedAlgorithm(fileName, "DSA"),
            ContentKind.PuttyKey => CredentialErrors.PuttyKey(fileName),
            _ => CredentialErrors.NotAPrivateKey(fileName, content.Kind),
        };
        if (!imported.Succeeded)
        {
            return imported.Problem;
        }

        using var key = imported.Value;
        var details = KeyAlgorithms.Describe(key, fileName);
        return details.Succeeded
            ? new ParsedPrivateKey(
                new PrivateKeyDetails(details.Value, content.Format) { FileAlsoHoldsCertificate = content.AlsoHoldsOtherPart },
                PrivateKeyMaterial.ToPkcs8(key))
            : details.Problem;
    }

    private static Result<AsymmetricAlgorithm> Decrypt(byte[] encrypted, string? passphrase, string fileName, CancellationToken cancellationToken)
    {
        if (PbeIterationCount.Read(encrypted) is { } iterations && iterations > PbeIterationCount.Maximum)
        {
            return CredentialErrors.TooManyIterations(fileName, iterations);
        }
        if (string.IsNullOrEmpty(passphrase))
        {
            return CredentialErrors.PassphraseRequired(fileName);
        }
        cancellationToken.ThrowIfCancellationRequested();
        byte[] pkcs8;
        try
        {
            pkcs8 = Pkcs8PrivateKeyInfo.DecryptAndDecode(passphrase, encrypted, out _).Encode();
        }
        catch (CryptographicException)
        {
            return CredentialErrors.WrongPassphrase(fileName);
        }
        try
        {
            return PrivateKeyMaterial.ImportPkcs8(pkcs8, fileName);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
