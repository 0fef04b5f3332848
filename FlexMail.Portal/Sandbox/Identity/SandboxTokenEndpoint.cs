using System.Security.Cryptography;
using System.Text;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The token endpoint (<c>/{tenant}/oauth2/v2.0/token</c>): authorization_code with PKCE, refresh_token with
/// rotation, client_credentials; each after authenticating the client.
/// </summary>
public sealed partial class SandboxTokenEndpoint(
    SandboxClientAuthenticator authenticator,
    SandboxGrants grants,
    SandboxClientCredentialsGrant clientCredentials,
    SandboxEnterpriseApps enterpriseApps,
    SandboxTokenService tokens,
    TimeProvider clock,
    ILogger<SandboxTokenEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return EntraResponses.Json(context, EntraErrors.MissingParameter("grant_type"), clock);
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var grantType = form["grant_type"].ToString();
        if (grantType is not ("authorization_code" or "refresh_token" or "client_credentials"))
        {
            return EntraResponses.Json(context, grantType.Length == 0 ? EntraErrors.MissingParameter("grant_type") : EntraErrors.UnsupportedGrantType(grantType), clock);
        }

        var endpoint = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}");
        var (app, clientError) = await authenticator.AuthenticateAsync(context.Request, form, endpoint, cancellationToken);
        if (app is null)
        {
            LogRefused(logger, form["client_id"].ToString(), clientError!.Code);
            return EntraResponses.Json(context, clientError, clock);
        }

        var (body, error) = grantType switch
        {
            "authorization_code" => await RedeemCodeAsync(context, app, form, cancellationToken),
            "refresh_token" => await RefreshAsync(context, app, form, cancellationToken),
            _ => await clientCredentials.IssueAsync(context, app, form, cancellationToken),
        };
        if (error is not null)
        {
            LogRefused(logger, app.AppId.ToString(), error.Code);
            return EntraResponses.Json(context, error, clock);
        }
        LogIssued(logger, grantType, app.AppId);
        EntraResponses.NoStore(context);
        return Results.Json(body);
    }

    private async Task<(Dictionary<string, object>?, EntraError?)> RedeemCodeAsync(HttpContext context, SandboxApplication app, IFormCollection form,
        CancellationToken cancellationToken)
    {
        var (code, error) = await grants.RedeemCodeAsync(form["code"].ToString(), cancellationToken);
        if (code is null)
        {
            return (null, error);
        }
        if (code.ClientId != app.AppId)
        {
            return (null, EntraErrors.InvalidCode());
        }
        if (form["redirect_uri"] != code.RedirectUri)
        {
            return (null, EntraErrors.CodeRedirectMismatch());
        }
        if (code.CodeChallenge is not null && !PkceMatches(code.CodeChallenge, form["code_verifier"].ToString()))
        {
            return (null, EntraErrors.PkceMismatch());
        }
        var user = await grants.FindUserAsync(code.UserId, cancellationToken);
        return user is null
            ? (null, EntraErrors.InvalidCode())
            : (await UserTokensAsync(context, app, user, GraphScopes.Parse(string.Join(' ', code.Scopes)), code.Nonce, form, cancellationToken), null);
    }

    private async Task<(Dictionary<string, object>?, EntraError?)> RefreshAsync(HttpContext context, SandboxApplication app, IFormCollection form,
        CancellationToken cancellationToken)
    {
        var stored = await grants.FindRefreshTokenAsync(form["refresh_token"].ToString(), cancellationToken);
        var user = stored is null || stored.ClientId != app.AppId ? null : await grants.FindUserAsync(stored.UserId, cancellationToken);
        if (stored is null || user is null)
        {
            return (null, EntraErrors.InvalidRefreshToken());
        }
        if (stored.ExpiresAt <= clock.GetUtcNow())
        {
            return (null, EntraErrors.RefreshTokenExpired(stored.IssuedAt, stored.ExpiresAt));
        }
        if (user.SessionsRevokedAt is { } revokedAt && revokedAt >= stored.IssuedAt)
        {
            return (null, EntraErrors.SessionsRevoked(stored.IssuedAt, revokedAt));
        }
        if (!(await enterpriseApps.UserAccessAsync(app, user.Id, cancellationToken)).MaySignIn)
        {
            return (null, EntraErrors.UserNotAssigned(app.DisplayName, app.AppId, user.UserPrincipalName));
        }

        var scopes = GraphScopes.Parse(form.ContainsKey("scope") ? form["scope"].ToString() : string.Join(' ', stored.Scopes));
        var wanted = GraphScopes.DelegatedPermissions(scopes, app.DelegatedPermissions);
        var granted = await grants.GrantedScopesAsync(app, user.Id, cancellationToken);
        if (GraphScopes.Missing(wanted, granted).Count > 0)
        {
            return (null, EntraErrors.ConsentRequired(app.AppId, app.DisplayName, subError: "consent_required"));
        }
        return (await UserTokensAsync(context, app, user, scopes, null, form, cancellationToken), null);
    }

    private async Task<Dictionary<string, object>> UserTokensAsync(HttpContext context, SandboxApplication app, SandboxUser user, RequestedScopes scopes,
        string? nonce, IFormCollection form, CancellationToken cancellationToken)
    {
        var granted = await grants.GrantedScopesAsync(app, user.Id, cancellationToken);
        var scp = granted.Count > 0 ? granted : GraphScopes.DelegatedPermissions(scopes, app.DelegatedPermissions);
        var sandboxBase = IssuerBase(context);
        var accessToken = await tokens.IssueAccessTokenAsync(sandboxBase,
            new SandboxAccessToken(SandboxTenant.TenantId, app.AppId, app.DisplayName, user.Id, user.UserPrincipalName, scp, []), cancellationToken);
        var body = Lifetimes(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', scp.Concat(scopes.OpenId.Where(s => s != GraphScopes.OfflineAccess))),
        }, accessToken);
        if (scopes.Has(GraphScopes.OfflineAccess))
        {
            body["refresh_token"] = await grants.IssueRefreshTokenAsync(app.AppId, user.Id, [.. scopes.OpenId, .. scopes.Graph], cancellationToken);
        }
        if (scopes.Has(GraphScopes.OpenId))
        {
            var access = await enterpriseApps.UserAccessAsync(app, user.Id, cancellationToken);
            body["id_token"] = await tokens.IssueIdTokenAsync(sandboxBase, app.AppId, user.Id, user.UserPrincipalName, user.DisplayName, nonce,
                access.Roles, cancellationToken);
        }
        if (form["client_info"] == "1" || scopes.Has(GraphScopes.OpenId))
        {
            body["client_info"] = SandboxTokenService.ClientInfo(user.Id);
        }
        return body;
    }

    /// <summary>Adds the access token and its lifetimes (<c>expires_in</c>, <c>ext_expires_in</c>) to a token response.</summary>
    internal static Dictionary<string, object> Lifetimes(Dictionary<string, object> body, string accessToken)
    {
        var seconds = (int)SandboxTokenService.AccessTokenLifetime.TotalSeconds;
        body["expires_in"] = seconds;
        body["ext_expires_in"] = seconds;
        body["access_token"] = accessToken;
        return body;
    }

    private static bool PkceMatches(string challenge, string verifier) =>
        verifier.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))),
            Encoding.ASCII.GetBytes(challenge));

    /// <summary>
    /// The address tokens are issued at: the configured sandbox address, never the request's <c>Host</c> (which the
    /// caller chooses), so that the issuer is the one Graph and the portal's sign-in require.
    /// </summary>
    internal static Uri IssuerBase(HttpContext context) => context.RequestServices.GetRequiredService<SandboxBaseAddress>().BaseUrl;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox token endpoint: {GrantType} tokens issued to app {ClientId}")]
    private static partial void LogIssued(ILogger logger, string grantType, Guid clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox token endpoint refused client {ClientId}: AADSTS{Code}")]
    private static partial void LogRefused(ILogger logger, string clientId, int code);
}
