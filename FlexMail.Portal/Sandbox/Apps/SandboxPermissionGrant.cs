namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// Consent to delegated permissions (Graph's <c>oauth2PermissionGrant</c>): for one user after the consent
/// page, or for every user of the tenant (<see cref="UserId"/> null) after admin consent.
/// </summary>
public sealed class SandboxPermissionGrant
{
    public int Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The user who consented; null when an administrator consented for all users.</summary>
    public Guid? UserId { get; set; }

    public List<string> Scopes { get; set; } = [];

    public DateTimeOffset GrantedAt { get; set; }
}
