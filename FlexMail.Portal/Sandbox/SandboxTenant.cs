namespace FlexMail.Portal.Sandbox;

/// <summary>The fixed facts of the sandbox tenant and where its endpoints live under the portal.</summary>
public static class SandboxTenant
{
    /// <summary>The tenant's id, fixed so that settings made against the sandbox survive a reset.</summary>
    public static readonly Guid TenantId = new("5a4d7c1e-3b2f-4e8a-9c6d-0f1e2d3c4b5a");

    public const string Domain = "contoso.test";

    public const string DisplayName = "Contoso (sandbox)";

    /// <summary>Path under the portal of the identity platform: an authority is <c>{portal}/sandbox/login/{tenant}</c>.</summary>
    public const string IdentityPath = "/sandbox/login";

    /// <summary>Path under the portal of Microsoft Graph: the v1.0 base URL is <c>{portal}/sandbox/graph/v1.0</c>.</summary>
    public const string GraphPath = "/sandbox/graph";

    /// <summary>Microsoft Graph's application id, the audience of Graph access tokens.</summary>
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    /// <summary>Microsoft Graph's identifier URI: scopes are named against it (<c>https://graph.microsoft.com/Mail.Send</c>).</summary>
    public const string GraphResource = "https://graph.microsoft.com";

    /// <summary>Whether a tenant segment of a URL names this tenant (its id, its domain, or <c>organizations</c>).</summary>
    public static bool IsThisTenant(string tenant) =>
        Guid.TryParse(tenant, out var id) ? id == TenantId
            : string.Equals(tenant, Domain, StringComparison.OrdinalIgnoreCase)
              || string.Equals(tenant, "organizations", StringComparison.OrdinalIgnoreCase);
}
