using FlexMail.Domain.Validation;

namespace FlexMail.Domain.OAuthApps;

/// <summary>
/// What the admin types for an OAuth application. <see cref="ClientSecret"/> is a new secret value only:
/// a saved secret never comes back; leaving it empty keeps the saved one.
/// </summary>
public sealed class OAuthApplicationDraft
{
    public Guid? Id { get; set; }

    public string Name { get; set; } = "";

    public CloudInstance Cloud { get; set; } = CloudInstance.Global;

    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public PermissionMode PermissionMode { get; set; } = PermissionMode.Delegated;

    public CredentialKind CredentialKind { get; set; } = CredentialKind.ClientSecret;

    public string ClientSecret { get; set; } = "";

    /// <summary>The hint of the saved secret (last characters), when there is one.</summary>
    public string? SavedClientSecretHint { get; set; }

    public DateTime? ClientSecretExpiresOn { get; set; }

    public Guid? CertificateCredentialId { get; set; }

    public Guid? PrivateKeyCredentialId { get; set; }

    public bool HasSavedSecret => SavedClientSecretHint is not null;

    /// <summary>The saved version this draft was loaded from; null for a new application (or a draft made in code: not checked).</summary>
    public Guid? LoadedStamp { get; set; }

    /// <summary>The fields as they were loaded, to name what someone else changed since.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ShownValue> LoadedValues { get; set; } = [];

    /// <summary>The draft of a saved application, carrying its version.</summary>
    public static OAuthApplicationDraft From(OAuthApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var draft = Copy(application);
        draft.LoadedStamp = application.ConcurrencyStamp;
        draft.LoadedValues = OAuthApplicationShown.Values(draft);
        return draft;
    }

    private static OAuthApplicationDraft Copy(OAuthApplication application) => new()
    {
        Id = application.Id,
        Name = application.Name,
        Cloud = application.Cloud,
        TenantId = application.TenantId,
        ClientId = application.ClientId,
        PermissionMode = application.PermissionMode,
        CredentialKind = application.CredentialKind,
        SavedClientSecretHint = application.ProtectedClientSecret is null ? null : application.ClientSecretHint,
        ClientSecretExpiresOn = application.ClientSecretExpiresOn?.ToDateTime(TimeOnly.MinValue),
        CertificateCredentialId = application.CertificateCredentialId,
        PrivateKeyCredentialId = application.PrivateKeyCredentialId,
    };
}
