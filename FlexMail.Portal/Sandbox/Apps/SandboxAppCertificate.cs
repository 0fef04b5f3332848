namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>A public certificate uploaded to an app registration; client assertions signed with its key are accepted.</summary>
public sealed class SandboxAppCertificate
{
    /// <summary>The credential's key id.</summary>
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public required string Subject { get; set; }

    /// <summary>SHA-1 thumbprint, upper-case hex, as the Entra admin center shows it.</summary>
    public required string Thumbprint { get; set; }

    /// <summary>SHA-256 thumbprint, upper-case hex (matched against <c>x5t#S256</c>).</summary>
    public required string Sha256Thumbprint { get; set; }

    /// <summary>The DER-encoded public certificate.</summary>
    public required byte[] RawData { get; set; }

    public DateTimeOffset StartDateTime { get; set; }

    public DateTimeOffset EndDateTime { get; set; }
}
