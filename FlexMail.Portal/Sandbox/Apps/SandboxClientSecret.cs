namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// A client secret. Like Entra, the value is shown once when it is created; the sandbox keeps only its
/// SHA-256 hash and the first three characters (<see cref="Hint"/>). The secret id is distinct from the value.
/// </summary>
public sealed class SandboxClientSecret
{
    /// <summary>The secret id (<c>keyId</c>), which admins sometimes paste by mistake instead of the value.</summary>
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public required string Description { get; set; }

    public required string Hint { get; set; }

    public required string ValueHash { get; set; }

    public DateTimeOffset StartDateTime { get; set; }

    public DateTimeOffset EndDateTime { get; set; }
}
