namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The scopes of a sign-in or token request, split as Entra reads them: OpenID Connect scopes (no consent needed),
/// Microsoft Graph permissions (short names; <c>https://graph.microsoft.com/Mail.Send</c> and <c>Mail.Send</c> are the
/// same permission) and the <c>.default</c> scope.
/// </summary>
public sealed record RequestedScopes(IReadOnlyList<string> OpenId, IReadOnlyList<string> Graph, bool IsDefault, string? UnknownResource)
{
    public bool Has(string openIdScope) => OpenId.Contains(openIdScope, StringComparer.OrdinalIgnoreCase);
}

public static class GraphScopes
{
    public const string OpenId = "openid";
    public const string OfflineAccess = "offline_access";

    private static readonly string[] OpenIdScopes = [OpenId, "profile", "email", OfflineAccess];
    private static readonly string[] GraphPrefixes = [SandboxTenant.GraphResource + "/", SandboxTenant.GraphAppId + "/"];

    public static RequestedScopes Parse(string? scope)
    {
        var openId = new List<string>();
        var graph = new List<string>();
        var isDefault = false;
        string? unknown = null;
        foreach (var item in (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (OpenIdScopes.FirstOrDefault(s => s.Equals(item, StringComparison.OrdinalIgnoreCase)) is { } oidc)
            {
                openId.Add(oidc);
                continue;
            }
            var prefix = GraphPrefixes.FirstOrDefault(p => item.StartsWith(p, StringComparison.OrdinalIgnoreCase));
            var name = prefix is null ? item : item[prefix.Length..];
            if (prefix is null && item.Contains('/', StringComparison.Ordinal))
            {
                unknown ??= item;
            }
            else if (name == ".default")
            {
                isDefault = true;
            }
            else if (name.Length > 0)
            {
                graph.Add(name);
            }
        }
        return new RequestedScopes(
            [.. openId.Distinct(StringComparer.OrdinalIgnoreCase)], [.. graph.Distinct(StringComparer.OrdinalIgnoreCase)], isDefault, unknown);
    }

    /// <summary>The Graph permissions a delegated request asks for: the named ones, or with <c>.default</c> the app's configured ones.</summary>
    /// <remarks>offline_access, listed among an app's delegated permissions as in Entra, is an OpenID Connect scope, not a Graph one.</remarks>
    public static IReadOnlyList<string> DelegatedPermissions(RequestedScopes scopes, IEnumerable<string> configured) =>
        scopes.IsDefault
            ? [.. scopes.Graph.Concat(configured.Where(c => !OpenIdScopes.Contains(c, StringComparer.OrdinalIgnoreCase))).Distinct(StringComparer.OrdinalIgnoreCase)]
            : scopes.Graph;

    /// <summary>The permissions of <paramref name="wanted"/> that are not in <paramref name="granted"/>.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> wanted, IEnumerable<string> granted) =>
        [.. wanted.Where(scope => !granted.Contains(scope, StringComparer.OrdinalIgnoreCase))];
}
