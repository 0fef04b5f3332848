namespace FlexMail.Domain.Credentials;

/// <summary>
/// A stored X.509 certificate or private key. The material is kept only in protected form;
/// the descriptive fields are what the portal shows back.
/// </summary>
public sealed class Credential
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public CredentialType Type { get; set; }

    /// <summary>
    /// DER bytes (base64) protected by <see cref="Security.ISecretProtector"/>: the certificate for a certificate
    /// credential, the PKCS#8 private key for a private-key credential.
    /// </summary>
    public required string ProtectedMaterial { get; set; }

    /// <summary>SHA-256 (hex) of the SubjectPublicKeyInfo: equal for a certificate and its private key.</summary>
    public required string PublicKeyFingerprint { get; set; }

    /// <summary>"RSA" or "EC P-256" / "EC P-384".</summary>
    public required string KeyAlgorithm { get; set; }

    public int KeySizeBits { get; set; }

    /// <summary>Certificate subject; null for a private key.</summary>
    public string? Subject { get; set; }

    public string? Issuer { get; set; }

    /// <summary>Serial number (hex); null for a private key.</summary>
    public string? SerialNumber { get; set; }

    /// <summary>SHA-1 thumbprint (hex, upper case) as Entra ID lists it; null for a private key.</summary>
    public string? Sha1Thumbprint { get; set; }

    /// <summary>SHA-256 thumbprint (hex, upper case); null for a private key.</summary>
    public string? Sha256Thumbprint { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset? NotAfter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum CredentialType
{
    Certificate = 0,
    PrivateKey = 1,
}
