namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>An application permission (app role of Microsoft Graph) granted to an app by admin consent.</summary>
public sealed class SandboxAppRoleAssignment
{
    public int Id { get; set; }

    public Guid ApplicationId { get; set; }

    public required string Role { get; set; }

    public DateTimeOffset GrantedAt { get; set; }
}
