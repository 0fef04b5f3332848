namespace FlexMail.Domain.Credentials;

/// <summary>Builds <see cref="Credential"/> rows from parsed uploads and projects rows to what the portal shows.</summary>
internal static class CredentialRows
{
    public static Credential ForCertificate(string name, ParsedCertificate certificate, string protectedMaterial, DateTimeOffset now)
    {
        var details = certificate.Details;
        return new Credential
        {
            Name = name,
            Type = CredentialType.Certificate,
            ProtectedMaterial = protectedMaterial,
            PublicKeyFingerprint = details.Key.PublicKeyFingerprint,
            KeyAlgorithm = details.Key.Algorithm,
            KeySizeBits = details.Key.SizeBits,
            Subject = details.Subject,
            Issuer = details.Issuer,
            SerialNumber = details.SerialNumber,
            Sha1Thumbprint = details.Thumbprints.Sha1Hex,
            Sha256Thumbprint = details.Thumbprints.Sha256Hex,
            NotBefore = details.NotBefore,
            NotAfter = details.NotAfter,
            CreatedAt = now,
        };
    }

    public static Credential ForPrivateKey(string name, ParsedPrivateKey privateKey, string protectedMaterial, DateTimeOffset now) => new()
    {
        Name = name,
        Type = CredentialType.PrivateKey,
        ProtectedMaterial = protectedMaterial,
        PublicKeyFingerprint = privateKey.Details.Key.PublicKeyFingerprint,
        KeyAlgorithm = privateKey.Details.Key.Algorithm,
        KeySizeBits = privateKey.Details.Key.SizeBits,
        CreatedAt = now,
    };

    public static CredentialSummary ToSummary(Credential row, DateTimeOffset now) => new(
        row.Id, row.Name, row.Type, row.KeyAlgorithm, row.KeySizeBits, row.Subject, row.Sha1Thumbprint, row.NotAfter,
        ExpiryOf(row, now), row.CreatedAt);

    public static CredentialDetails ToDetails(
        Credential row, DateTimeOffset now, IReadOnlyList<string> usedBy, IReadOnlyList<CredentialReference> matching) => new(
        row.Id, row.Name, row.Type, row.KeyAlgorithm, row.KeySizeBits, row.PublicKeyFingerprint, row.Subject, row.Issuer,
        row.SerialNumber,
        row.Sha1Thumbprint is null || row.Sha256Thumbprint is null ? null : new CertificateThumbprints(row.Sha1Thumbprint, row.Sha256Thumbprint),
        row.NotBefore, row.NotAfter, ExpiryOf(row, now), row.CreatedAt, usedBy, matching);

    /// <summary>What the audit log says about a credential: type, key, thumbprint or fingerprint; never material.</summary>
    public static string AuditDetails(Credential row) => row.Type == CredentialType.Certificate
        ? $"Type: certificate; key: {Describe(row)}; SHA-1 thumbprint: {row.Sha1Thumbprint}; subject: {row.Subject}"
        : $"Type: private key; key: {Describe(row)}; public-key fingerprint: {row.PublicKeyFingerprint}";

    public static string AuditSubject(string name) => $"Credential '{name}'";

    /// <summary>A file name for the downloaded certificate, from the credential name.</summary>
    public static string DownloadFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. name.Select(character => invalid.Contains(character) || char.IsWhiteSpace(character) ? '-' : character)]) + ".crt";
    }

    private static string Describe(Credential row) => new KeyDetails(row.KeyAlgorithm, row.KeySizeBits, row.PublicKeyFingerprint).Description;

    private static ExpiryStatus? ExpiryOf(Credential row, DateTimeOffset now) =>
        row.NotBefore is { } notBefore && row.NotAfter is { } notAfter ? CertificateExpiry.Evaluate(notBefore, notAfter, now) : null;
}
