namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// An application permission a client app asks for on another sandbox app registration (API permissions, My APIs):
/// one of that app's Application-type roles. Admin consent turns it into a <see cref="SandboxRoleAssignment"/>.
/// </summary>
/// <param name="ResourceAppId">The application (client) id of the app that defines the role.</param>
public sealed record SandboxApiRolePermission(Guid ResourceAppId, Guid AppRoleId);
