using System.Globalization;

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
public sealed record PrivateKeyDetails(KeyDetails Key, string Format)
{
    public const string AlsoHoldsCertificateNotice =
        "This file also holds a certificate, which is not stored with the private key. Upload the same file with " +
        "Upload Certificate too: an OAuth application needs both, and Entra ID needs the certificate's public part.";

    /// <summary>A PEM file that holds a certificate as well as this key (the certificate is not stored with it).</summary>
    public bool FileAlsoHoldsCertificate { get; init; }

    /// <summary>What the admin should know about the file before and after saving it.</summary>
    public IReadOnlyList<string> Notices => FileAlsoHoldsCertificate ? [AlsoHoldsCertificateNotice] : [];
}

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
    bool ContainsPrivateKey)
{
    public const string AlsoHoldsPrivateKeyNotice =
        "This file also holds a private key, which is not stored with the certificate. To sign in with this certificate, " +
        "upload the same file with Upload Private Key too.";

    /// <summary>A PEM file that holds a private key next to the certificate (a .pfx's key is <see cref="ContainsPrivateKey"/>).</summary>
    public bool FileAlsoHoldsPrivateKey { get; init; }

    /// <summary>What the admin should know about the certificate before and after saving it: expired, not RSA, a key beside it.</summary>
    public IReadOnlyList<string> Notices =>
    [
        .. ExpiryStatus == ExpiryStatus.Expired
            ? [$"This certificate expired on {NotAfter.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: Entra ID refuses it. " +
               "Create or renew the certificate, upload its public part to the app registration, and upload the new certificate here."]
            : Array.Empty<string>(),
        .. Key.Algorithm == KeyAlgorithms.Rsa
            ? Array.Empty<string>()
            : [$"This certificate has an {Key.Description} key: FlexMail can store it, but Entra ID signs in only with RSA certificates " +
               $"({KeyAlgorithms.MinimumRsaBits} bits or more), so no OAuth application can use it."],
        .. FileAlsoHoldsPrivateKey ? [AlsoHoldsPrivateKeyNotice] : Array.Empty<string>(),
    ];
}
