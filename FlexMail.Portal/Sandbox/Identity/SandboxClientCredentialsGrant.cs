using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The client_credentials grant for an authenticated client: <c>https://graph.microsoft.com/.default</c> gives a Graph
/// token with the Graph application permissions granted to the app; <c>{client id}/.default</c> or
/// <c>{Application ID URI}/.default</c> of a sandbox app registration gives a v2.0 token for that app with the roles it
/// granted the client (AADSTS500011 for an unknown resource, AADSTS501051 when the resource requires assignment and
/// the client holds none of its roles).
/// </summary>
public sealed class SandboxClientCredentialsGrant(
    SandboxGrants grants,
    SandboxAppRegistrations apps,
    SandboxEnterpriseApps enterpriseApps,
    SandboxTokenService tokens)
{
    private const string DefaultSuffix = "/.default";

    public async Task<(Dictionary<string, object>? Body, EntraError? Error)> IssueAsync(HttpContext context, SandboxApplication client,
        IFormCollection form, CancellationToken cancellationToken)
    {
        var scope = form["scope"].ToString();
        if (ApiResource(scope) is { } resource)
        {
            return await ForApiAsync(context, client, resource, form, cancellationToken);
        }
        var scopes = GraphScopes.Parse(scope);
        if (!scopes.IsDefault || scopes.Graph.Count > 0 || scopes.UnknownResource is not null)
        {
            return (null, EntraErrors.ClientCredentialsScope(scope));
        }
        var roles = await grants.AppRolesAsync(client, cancellationToken);
        var accessToken = await tokens.IssueAccessTokenAsync(SandboxTokenEndpoint.IssuerBase(context),
            new SandboxAccessToken(SandboxTenant.TenantId, client.AppId, client.DisplayName, null, null, [], roles), cancellationToken);
        return (Response(accessToken), null);
    }

    /// <summary>The resource of a scope that is one <c>{resource}/.default</c> for another resource than Microsoft Graph; else null.</summary>
    public static string? ApiResource(string? scope)
    {
        var items = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length != 1 || !items[0].EndsWith(DefaultSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var resource = items[0][..^DefaultSuffix.Length];
        return resource.Length == 0
               || resource.TrimEnd('/').Equals(SandboxTenant.GraphResource, StringComparison.OrdinalIgnoreCase)
               || resource.Equals(SandboxTenant.GraphAppId, StringComparison.OrdinalIgnoreCase)
            ? null
            : resource;
    }

    private async Task<(Dictionary<string, object>?, EntraError?)> ForApiAsync(HttpContext context, SandboxApplication client, string resourceName,
        IFormCollection form, CancellationToken cancellationToken)
    {
        var resource = await apps.FindResourceAsync(resourceName, cancellationToken);
        if (resource is null)
        {
            return (null, EntraErrors.ResourceNotFound(resourceName));
        }
        var roles = await enterpriseApps.ClientRolesAsync(resource, client, cancellationToken);
        if (resource.AssignmentRequired && roles.Count == 0)
        {
            return (null, EntraErrors.AppNotAssigned(client.AppId, client.DisplayName, resourceName, resource.DisplayName));
        }
        var authentication = form.ContainsKey("client_assertion") ? SandboxApiAccessToken.CertificateAuthentication : SandboxApiAccessToken.SecretAuthentication;
        var accessToken = await tokens.IssueApiAccessTokenAsync(SandboxTokenEndpoint.IssuerBase(context),
            new SandboxApiAccessToken(resource.AppId, client.AppId, authentication, roles), cancellationToken);
        return (Response(accessToken), null);
    }

    private static Dictionary<string, object> Response(string accessToken) =>
        SandboxTokenEndpoint.Lifetimes(new Dictionary<string, object> { ["token_type"] = "Bearer" }, accessToken);
}
