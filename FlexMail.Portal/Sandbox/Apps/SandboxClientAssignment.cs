namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>A client app holding one of an app's roles (an application permission with admin consent).</summary>
public sealed record SandboxClientAssignment(Guid ClientAppId, string ClientName, string RoleValue);
