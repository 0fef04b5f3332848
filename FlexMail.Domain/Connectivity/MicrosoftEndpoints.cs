namespace FlexMail.Domain.Connectivity;

/// <summary>
/// Where FlexMail's clients reach the Microsoft identity platform and Microsoft Graph.
/// </summary>
/// <param name="AuthorityHost">The identity platform's host; an authority is <c>{AuthorityHost}/{tenant}</c>.</param>
/// <param name="GraphBaseUrl">Microsoft Graph's v1.0 base URL (what the Graph SDK is given).</param>
/// <param name="GraphResource">Graph's identifier URI, which scopes are named against (<c>{resource}/Mail.Send</c>).</param>
public sealed record MicrosoftEndpoints(Uri AuthorityHost, Uri GraphBaseUrl, string GraphResource)
{
    /// <summary>The authority of one tenant (<c>https://login.microsoftonline.com/{tenant}</c>).</summary>
    public Uri Authority(string tenant) => new($"{AuthorityHost.ToString().TrimEnd('/')}/{Uri.EscapeDataString(tenant)}");

    /// <summary>Graph's default scope, as client credentials ask for it.</summary>
    public string GraphDefaultScope => $"{GraphResource.TrimEnd('/')}/.default";

    /// <summary>A Graph permission as a fully qualified scope (<c>https://graph.microsoft.com/Mail.Send</c>).</summary>
    public string GraphScope(string permission) => $"{GraphResource.TrimEnd('/')}/{permission}";
}
