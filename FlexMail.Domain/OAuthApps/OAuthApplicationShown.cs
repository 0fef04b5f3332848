using System.Globalization;
using FlexMail.Domain.Validation;

namespace FlexMail.Domain.OAuthApps;

/// <summary>An OAuth application's fields as the editor shows them (never a secret: only its hint), to say what someone else changed.</summary>
internal static class OAuthApplicationShown
{
    public static IReadOnlyList<ShownValue> Values(OAuthApplicationDraft draft) =>
    [
        new(nameof(draft.Name), "Name", draft.Name),
        new(nameof(draft.Cloud), "Cloud", draft.Cloud.ToString()),
        new(nameof(draft.TenantId), "Tenant Id", draft.TenantId),
        new(nameof(draft.ClientId), "Client Id", draft.ClientId),
        new(nameof(draft.PermissionMode), "Permission mode", draft.PermissionMode.ToString()),
        new(nameof(draft.CredentialKind), "Credential", draft.CredentialKind.ToString()),
        new(nameof(draft.ClientSecret), "Client Secret", draft.SavedClientSecretHint is { } hint ? $"a secret ending in {hint}" : ""),
        new(nameof(draft.ClientSecretExpiresOn), "Client secret expiry",
            draft.ClientSecretExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        new(nameof(draft.CertificateCredentialId), "Certificate", draft.CertificateCredentialId?.ToString() ?? ""),
        new(nameof(draft.PrivateKeyCredentialId), "Private key", draft.PrivateKeyCredentialId?.ToString() ?? ""),
    ];
}
