namespace FlexMail.Domain.Credentials;

/// <summary>
/// The public side of a key: algorithm ("RSA", "EC P-256", "EC P-384"), size, and the SHA-256 (hex, upper case) of its
/// SubjectPublicKeyInfo, which is equal for a certificate and the private key that belongs to it.
/// </summary>
public sealed record KeyDetails(string Algorithm, int SizeBits, string PublicKeyFingerprint)
{
    /// <summary>"RSA 2048-bit", "EC P-256".</summary>
    public string Description => Describe(Algorithm, SizeBits);

    public static string Describe(string algorithm, int sizeBits) => algorithm == KeyAlgorithms.Rsa ? $"RSA {sizeBits}-bit" : algorithm;
}

/// <summary>What a private-key file holds, as the admin sees it before and after saving.</summary>
public sealed record PrivateKeyDetails(KeyDetails Key, string Format);

/// <summary>
/// What a certificate file holds. <see cref="ContainsPrivateKey"/> is true for a .pfx that carries the key as well;
/// <see cref="Format"/> names what was recognised ("PEM certificate", "DER certificate", "PKCS#12").
/// </summary>
public sealed record CertificateDetails(
    string Subject,
    string Issuer,
    string SerialNumber,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    ExpiryStatus ExpiryStatus,
    KeyDetails Key,
    CertificateThumbprints Thumbprints,
    string Format,
    bool ContainsPrivateKey);
