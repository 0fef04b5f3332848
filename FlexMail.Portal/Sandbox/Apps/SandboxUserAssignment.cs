namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>A user's role on an Enterprise application, as its Users and groups list shows it.</summary>
public sealed record SandboxUserAssignment(int Id, Guid UserId, string UserDisplayName, string UserPrincipalName, Guid AppRoleId,
    string RoleDisplayName, DateTimeOffset CreatedAt);
