using Microsoft.AspNetCore.WebUtilities;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// A validated authorization request (client, trusted redirect URI, scopes, PKCE challenge), carried from the
/// sign-in page to the consent page and on to the code; <see cref="UserId"/> is set once the user chose an account.
/// </summary>
public sealed record SandboxAuthorizeRequest(
    string Tenant,
    Guid ClientId,
    string RedirectUri,
    string Scope,
    string? State,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string ResponseMode,
    string? LoginHint,
    string? Prompt,
    Guid? UserId = null)
{
    public const string FormPost = "form_post";

    public static SandboxAuthorizeRequest FromQuery(string tenant, Guid clientId, string redirectUri, IQueryCollection query) => new(
        tenant, clientId, redirectUri, query["scope"].ToString(), Optional(query, "state"), Optional(query, "nonce"),
        Optional(query, "code_challenge"), Optional(query, "code_challenge_method"),
        query["response_mode"] == FormPost ? FormPost : "query", Optional(query, "login_hint"), Optional(query, "prompt"));

    /// <summary>The response for the client: a redirect with the parameters in the query, or a self-posting form.</summary>
    public IResult RespondToClient(IReadOnlyDictionary<string, string?> parameters)
    {
        if (ResponseMode == FormPost)
        {
            return SandboxIdentityPages.Html(SandboxIdentityPages.FormPost(RedirectUri, parameters));
        }
        return Results.Redirect(QueryHelpers.AddQueryString(RedirectUri, parameters.Where(p => p.Value is not null)!));
    }

    private static string? Optional(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.ToString().Length > 0 ? value.ToString() : null;
}
