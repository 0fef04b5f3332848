namespace FlexMail.Domain.OAuthApps;

/// <summary>An app registration in Entra ID that FlexMail signs in with.</summary>
public sealed class OAuthApplication
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public CloudInstance Cloud { get; set; } = CloudInstance.Global;

    /// <summary>Directory (tenant) id: a GUID or a verified domain.</summary>
    public required string TenantId { get; set; }

    /// <summary>Application (client) id.</summary>
    public required string ClientId { get; set; }

    public PermissionMode PermissionMode { get; set; } = PermissionMode.Delegated;

    public CredentialKind CredentialKind { get; set; } = CredentialKind.ClientSecret;

    /// <summary>The client secret's value, protected by <see cref="Security.ISecretProtector"/>.</summary>
    public string? ProtectedClientSecret { get; set; }

    /// <summary>What may be shown back: the last characters of the secret, never the secret.</summary>
    public string? ClientSecretHint { get; set; }

    public DateOnly? ClientSecretExpiresOn { get; set; }

    public Guid? CertificateCredentialId { get; set; }

    public Guid? PrivateKeyCredentialId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>New on every save: a save made on a copy loaded before another save is refused (no lost update).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>The Microsoft cloud an application lives in (authority and Graph hosts differ).</summary>
public enum CloudInstance
{
    Global = 0,
    UsGovernmentL4 = 1,
    UsGovernmentL5 = 2,
    China = 3,
}

/// <summary>Delegated permissions (a user signs in) or application permissions (client credentials).</summary>
public enum PermissionMode
{
    Delegated = 0,
    Application = 1,
}

/// <summary>How the application proves its identity to Entra ID.</summary>
public enum CredentialKind
{
    ClientSecret = 0,
    Certificate = 1,
}
