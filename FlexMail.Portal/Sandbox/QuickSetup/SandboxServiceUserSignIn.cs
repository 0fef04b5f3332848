using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// The sandbox's authorization endpoint taken without a browser: for an authorize URL built by FlexMail's Authorize, the
/// sandbox user signs in and accepts the consent page, and the sandbox issues its authorization code (bound to the client,
/// the redirect URI and the PKCE challenge) exactly as <see cref="SandboxSignInFlow"/> does after those clicks. The same
/// checks come first: this tenant, a registered client and its exact redirect URI (else an error, as Entra shows on its
/// page), <c>response_type=code</c>, S256, known scopes, a user who may sign in and is assigned where the app requires it
/// (else an error back to the client, which the real callback reads).
/// </summary>
public sealed class SandboxServiceUserSignIn(
    SandboxAppRegistrations apps, SandboxGrants grants, SandboxEnterpriseApps enterpriseApps, TimeProvider clock)
{
    /// <returns>What the sandbox sends to the redirect URI, or the error it would show on its own page.</returns>
    public async Task<(AuthorizationCallback? Callback, string? ErrorPage)> SignInAsync(Uri authorizeUrl, SandboxUser user, CancellationToken cancellationToken)
    {
        var segments = authorizeUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var oauth = Array.IndexOf(segments, "oauth2");
        var tenant = oauth > 0 ? segments[oauth - 1] : "";
        if (!SandboxTenant.IsThisTenant(tenant))
        {
            return (null, Describe(EntraErrors.TenantNotFound(tenant)));
        }
        var query = new QueryCollection(QueryHelpers.ParseQuery(authorizeUrl.Query));
        var clientId = query["client_id"].ToString();
        var app = Guid.TryParse(clientId, out var id) ? await apps.FindByClientIdAsync(id, cancellationToken) : null;
        if (app is null)
        {
            return (null, Describe(EntraErrors.ApplicationNotFound(clientId)));
        }
        var redirectUri = query["redirect_uri"].ToString();
        if (!app.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return (null, Describe(EntraErrors.RedirectUriMismatch(redirectUri, app.AppId)));
        }

        var request = SandboxAuthorizeRequest.FromQuery(tenant, app.AppId, redirectUri, query);
        var scopes = GraphScopes.Parse(request.Scope);
        var signedIn = await grants.FindUserAsync(user.Id, cancellationToken);
        var problem = query["response_type"] != "code" ? EntraErrors.UnsupportedResponseType(query["response_type"])
            : request.CodeChallenge is not null && request.CodeChallengeMethod != "S256" ? EntraErrors.PkceMethodNotSupported()
            : scopes.UnknownResource is { } unknown ? EntraErrors.ResourceNotFound(unknown)
            : signedIn is not { CanSignIn: true } ? EntraErrors.LoginRequired()
            : !(await enterpriseApps.UserAccessAsync(app, signedIn.Id, cancellationToken)).MaySignIn
                ? EntraErrors.UserNotAssigned(app.DisplayName, app.AppId, signedIn.UserPrincipalName, "access_denied")
            : null;
        if (problem is not null)
        {
            return (Callback(EntraResponses.RedirectParameters(new DefaultHttpContext(), problem, request.State, clock)), null);
        }

        // The consent page's Accept: the user grants the permissions asked for that are not granted yet.
        var wanted = GraphScopes.DelegatedPermissions(scopes, app.DelegatedPermissions);
        if (GraphScopes.Missing(wanted, await grants.GrantedScopesAsync(app, signedIn!.Id, cancellationToken)).Count > 0)
        {
            await grants.GrantForUserAsync(app, signedIn.Id, wanted, cancellationToken);
        }
        var code = await grants.IssueCodeAsync(request with { UserId = signedIn.Id }, signedIn.Id, cancellationToken);
        return (new AuthorizationCallback(request.State, code, null, null), null);
    }

    private static AuthorizationCallback Callback(IReadOnlyDictionary<string, string?> parameters) => new(
        parameters.GetValueOrDefault("state"), parameters.GetValueOrDefault("code"),
        parameters.GetValueOrDefault("error"), parameters.GetValueOrDefault("error_description"));

    private static string Describe(EntraError error) => $"AADSTS{error.Code}: {error.Message}";
}
