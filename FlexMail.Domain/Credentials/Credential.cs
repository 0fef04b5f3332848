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

    /// <summary>The certificate or key bytes, protected by <see cref="Security.ISecretProtector"/>.</summary>
    public required string ProtectedMaterial { get; set; }

    /// <summary>Certificate subject; empty for a private key.</summary>
    public string? Subject { get; set; }

    /// <summary>SHA-256 thumbprint (hex) of the certificate, or of the key's public part.</summary>
    public string? Sha256Thumbprint { get; set; }

    public string? KeyAlgorithm { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset? NotAfter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum CredentialType
{
    Certificate = 0,
    PrivateKey = 1,
}
