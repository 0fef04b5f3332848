namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>An app registration, as the Entra admin center keeps it.</summary>
public sealed class SandboxApplication
{
    /// <summary>The object id.</summary>
    public Guid Id { get; set; }

    /// <summary>The application (client) id.</summary>
    public Guid AppId { get; set; }

    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Web platform redirect URIs; a sign-in must use one of them exactly (else AADSTS50011).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Microsoft Graph delegated permissions the app asks for (scope names, e.g. <c>Mail.Send</c>).</summary>
    public List<string> DelegatedPermissions { get; set; } = [];

    /// <summary>Microsoft Graph application permissions the app asks for (role names, e.g. <c>Mail.ReadWrite</c>).</summary>
    public List<string> ApplicationPermissions { get; set; } = [];

    /// <summary>
    /// Application permissions the app asks for on other sandbox app registrations (API permissions, My APIs): roles
    /// of those apps that allow applications.
    /// </summary>
    public List<SandboxApiRolePermission> ApiApplicationPermissions { get; set; } = [];

    /// <summary>The roles the app defines (App roles); a token for the app names the ones its caller holds in <c>roles</c>.</summary>
    public List<SandboxAppRole> AppRoles { get; set; } = [];

    /// <summary>
    /// The Application ID URI (Expose an API), e.g. <c>api://{AppId}</c>: client credentials may ask for
    /// <c>{IdentifierUri}/.default</c> as well as <c>{AppId}/.default</c>. Null until set.
    /// </summary>
    public string? IdentifierUri { get; set; }

    /// <summary>
    /// The Enterprise application's "Assignment required?": when true only users assigned to the app (Users and groups)
    /// may sign in to it (else AADSTS50105), and only client apps granted one of its roles get tokens for it (else AADSTS501051).
    /// </summary>
    public bool AssignmentRequired { get; set; }

    public List<SandboxClientSecret> Secrets { get; set; } = [];

    public List<SandboxAppCertificate> Certificates { get; set; } = [];
}
