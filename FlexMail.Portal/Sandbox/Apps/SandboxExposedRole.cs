namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>An Application-type role an app registration exposes, with the app it belongs to.</summary>
public sealed record SandboxExposedRole(Guid ResourceAppId, string ResourceName, SandboxAppRole Role)
{
    public SandboxApiRolePermission Permission => new(ResourceAppId, Role.Id);

    /// <summary>How API permissions name it: the API, then the role's value.</summary>
    public string Name => $"{ResourceName}: {Role.Value}";
}
