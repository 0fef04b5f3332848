namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>
/// What has been consented for an app: admin consent (tenant-wide scopes, Microsoft Graph application roles, roles on
/// other sandbox apps) and users' own consents.
/// </summary>
public sealed record SandboxConsentStatus(IReadOnlyList<string> AdminConsentedScopes, IReadOnlyList<string> GrantedRoles, int UserConsents,
    IReadOnlyList<SandboxApiRolePermission> GrantedApiRoles)
{
    public static readonly SandboxConsentStatus None = new([], [], 0, []);

    public bool HasAdminConsent => AdminConsentedScopes.Count > 0 || GrantedRoles.Count > 0 || GrantedApiRoles.Count > 0;

    /// <summary>Whether every permission the app asks for is covered by admin consent.</summary>
    public bool Covers(SandboxApplication app) =>
        app.DelegatedPermissions.All(p => AdminConsentedScopes.Contains(p, StringComparer.OrdinalIgnoreCase))
        && app.ApplicationPermissions.All(p => GrantedRoles.Contains(p, StringComparer.OrdinalIgnoreCase))
        && app.ApiApplicationPermissions.All(GrantedApiRoles.Contains);

    public string Describe(SandboxApplication app) =>
        !HasAdminConsent
            ? UserConsents > 0 ? $"Consented by {UserConsents} user(s); no admin consent" : "Not granted"
            : Covers(app) ? "Granted for Contoso" : "Granted for Contoso, but not for every permission asked for";
}
