namespace FlexMail.Domain.Credentials;

/// <summary>Store a certificate under <see cref="Name"/>.</summary>
public sealed record AddCertificateRequest(string Name, CredentialUpload File)
{
    /// <summary>
    /// When set, the private key a .pfx carries is stored too, as a private-key credential of this name, in the same
    /// transaction as the certificate. Refused when the file holds no private key.
    /// </summary>
    public string? PrivateKeyName { get; init; }
}

/// <summary>Store a private key under <see cref="Name"/>.</summary>
public sealed record AddPrivateKeyRequest(string Name, CredentialUpload File);

/// <summary>A stored certificate, what was read from the file, and the private key stored with it (if asked for).</summary>
public sealed record AddCertificateResult(CredentialSummary Certificate, CertificateDetails Details, CredentialSummary? PrivateKey)
{
    public const string PrivateKeyNotStoredNotice =
        "The file also contains the certificate's private key, which was not stored. Store it as well to sign in with this certificate.";

    /// <summary>The file held the private key too; see <see cref="AddCertificateRequest.PrivateKeyName"/>.</summary>
    public bool FileContainsPrivateKey => Details.ContainsPrivateKey;

    /// <summary>What the admin should know about the upload beyond "saved" (expired, a key left in the file ...); empty when nothing.</summary>
    public IReadOnlyList<string> Notices =>
        [.. Details.Notices, .. FileContainsPrivateKey && PrivateKey is null ? [PrivateKeyNotStoredNotice] : Array.Empty<string>()];
}

/// <summary>A stored private key and what was read from the file.</summary>
public sealed record AddPrivateKeyResult(CredentialSummary PrivateKey, PrivateKeyDetails Details)
{
    /// <summary>What the admin should know about the upload beyond "saved"; empty when nothing.</summary>
    public IReadOnlyList<string> Notices => Details.Notices;
}

/// <summary>One line of the credential list.</summary>
public sealed record CredentialSummary(
    Guid Id,
    string Name,
    CredentialType Type,
    string KeyAlgorithm,
    int KeySizeBits,
    string? Subject,
    string? Sha1Thumbprint,
    DateTimeOffset? NotAfter,
    ExpiryStatus? ExpiryStatus,
    DateTimeOffset CreatedAt)
{
    public string KeyDescription => KeyDetails.Describe(KeyAlgorithm, KeySizeBits);
}

/// <summary>
/// Everything shown about a stored credential (never its key material), the OAuth applications that use it, and
/// the stored credentials of the other type with the same public key (its certificate, or its private key).
/// </summary>
public sealed record CredentialDetails(
    Guid Id,
    string Name,
    CredentialType Type,
    string KeyAlgorithm,
    int KeySizeBits,
    string PublicKeyFingerprint,
    string? Subject,
    string? Issuer,
    string? SerialNumber,
    CertificateThumbprints? Thumbprints,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter,
    ExpiryStatus? ExpiryStatus,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> UsedByApplications,
    IReadOnlyList<CredentialReference> MatchingCredentials)
{
    public string KeyDescription => KeyDetails.Describe(KeyAlgorithm, KeySizeBits);
}

/// <summary>Another credential, by id and name.</summary>
public sealed record CredentialReference(Guid Id, string Name, CredentialType Type);

/// <summary>The public certificate as PEM text, with a file name for the download (e.g. for upload to Entra ID).</summary>
public sealed record CertificatePem(string FileName, string Pem);

/// <summary>What was deleted.</summary>
public sealed record DeletedCredential(Guid Id, string Name, CredentialType Type);
