namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// What a Graph access token says about its caller: the app, and for delegated tokens the signed-in user and the
/// delegated scopes (<c>scp</c>); for application tokens the app roles (<c>roles</c>).
/// </summary>
public sealed record SandboxAccessToken(
    Guid TenantId,
    Guid ClientId,
    string ClientName,
    Guid? UserId,
    string? UserPrincipalName,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Roles)
{
    public bool IsDelegated => UserId is not null;

    public bool Allows(string permission) =>
        (IsDelegated ? Scopes : Roles).Contains(permission, StringComparer.OrdinalIgnoreCase);
}
