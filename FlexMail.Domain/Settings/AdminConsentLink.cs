using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.Settings;

/// <summary>
/// The link an Entra ID administrator opens to grant the app's permissions for the whole tenant, on the identity
/// platform FlexMail talks to (the sandbox tenant when it is on).
/// </summary>
public static class AdminConsentLink
{
    /// <summary>The link, or null while the ids or the redirect URI are not complete yet.</summary>
    public static string? BuildOrNull(IMicrosoftCloud microsoft, OAuthApplicationDraft application, string? redirectUri) =>
        redirectUri is not null && Validation.Formats.IsGuid(application.ClientId) && application.TenantId.Trim().Length > 0
            ? Build(microsoft.EndpointsFor(application.Cloud), application.TenantId, application.ClientId, redirectUri)
            : null;

    public static string Build(MicrosoftEndpoints endpoints, string tenantId, string clientId, string redirectUri)
    {
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(clientId.Trim()),
            "scope=" + Uri.EscapeDataString(endpoints.GraphDefaultScope),
            "redirect_uri=" + Uri.EscapeDataString(redirectUri));
        return $"{endpoints.Authority(tenantId.Trim())}/v2.0/adminconsent?{query}";
    }
}
