using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.Settings;

/// <summary>The link an Entra ID administrator opens to grant the app's permissions for the whole tenant.</summary>
public static class AdminConsentLink
{
    /// <summary>The link, or null while the ids or the redirect URI are not complete yet.</summary>
    public static string? BuildOrNull(OAuthApplicationDraft application, string? redirectUri) =>
        redirectUri is not null && Validation.Formats.IsGuid(application.ClientId) && application.TenantId.Trim().Length > 0
            ? Build(application.Cloud, application.TenantId, application.ClientId, redirectUri)
            : null;

    public static string Build(CloudInstance cloud, string tenantId, string clientId, string redirectUri)
    {
        var endpoints = CloudEndpoints.For(cloud);
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(clientId.Trim()),
            "scope=" + Uri.EscapeDataString(endpoints.GraphDefaultScope),
            "redirect_uri=" + Uri.EscapeDataString(redirectUri));
        return $"{endpoints.AuthorityHost.ToString().TrimEnd('/')}/{Uri.EscapeDataString(tenantId.Trim())}/v2.0/adminconsent?{query}";
    }
}
