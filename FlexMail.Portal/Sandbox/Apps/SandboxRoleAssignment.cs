namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// A role of a sandbox app registration (the resource) held by a user (Enterprise application, Users and groups) or
/// by a client app (an application permission with admin consent), as Graph's <c>appRoleAssignment</c>. Exactly one of
/// <see cref="UserId"/> and <see cref="ClientApplicationId"/> is set. Microsoft Graph's own application permissions
/// stay in <see cref="SandboxAppRoleAssignment"/>.
/// </summary>
public sealed class SandboxRoleAssignment
{
    public int Id { get; set; }

    /// <summary>The object id of the app registration that defines the role.</summary>
    public Guid ResourceApplicationId { get; set; }

    /// <summary>The role's id; <see cref="SandboxAppRole.DefaultAccessId"/> for Default Access.</summary>
    public Guid AppRoleId { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The object id of the client app registration that holds the role.</summary>
    public Guid? ClientApplicationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
