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

    public List<SandboxClientSecret> Secrets { get; set; } = [];

    public List<SandboxAppCertificate> Certificates { get; set; } = [];
}
