namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>The RSA key that signs the sandbox's tokens; the private key is kept encrypted.</summary>
public sealed class SandboxSigningKey
{
    /// <summary>The key id (<c>kid</c>) published in the JWKS.</summary>
    public required string Id { get; set; }

    /// <summary>The PKCS#8 private key, protected by the portal's secret protector.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
