using System.Security.Claims;
using System.Text.Json;
using FlexMail.Portal.Sandbox.Apps;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// Issues the sandbox's RS256 tokens shaped like Entra's (access tokens for Microsoft Graph, app-only v2.0 access tokens
/// for sandbox app registrations, v2.0 id tokens for the client) and validates Graph access tokens.
/// </summary>
public sealed class SandboxTokenService(SandboxSigningKeys keys, SandboxBaseAddress address, TimeProvider clock)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(75);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The v2.0 issuer of the tenant at the given sandbox address (<c>https://host/sandbox/login/{tid}/v2.0</c>).</summary>
    public static string Issuer(Uri sandboxBase) =>
        new Uri(sandboxBase, $"{SandboxTenant.IdentityPath.TrimStart('/')}/{SandboxTenant.TenantId}/v2.0").ToString();

    /// <summary>An access token for Microsoft Graph.</summary>
    public async Task<string> IssueAccessTokenAsync(Uri sandboxBase, SandboxAccessToken token, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>
        {
            ["aud"] = SandboxTenant.GraphResource,
            ["tid"] = token.TenantId.ToString(),
            ["appid"] = token.ClientId.ToString(),
            ["azp"] = token.ClientId.ToString(),
            ["app_displayname"] = token.ClientName,
            ["ver"] = "1.0",
        };
        if (token.UserId is { } userId)
        {
            claims["oid"] = userId.ToString();
            claims["sub"] = userId.ToString();
            claims["upn"] = token.UserPrincipalName ?? "";
            claims["unique_name"] = token.UserPrincipalName ?? "";
            claims["scp"] = string.Join(' ', token.Scopes);
        }
        else
        {
            claims["oid"] = token.ClientId.ToString();
            claims["sub"] = token.ClientId.ToString();
            claims["roles"] = token.Roles.ToArray();
        }
        return await SignAsync(sandboxBase, claims, AccessTokenLifetime, cancellationToken);
    }

    /// <summary>
    /// A v2.0 app-only access token for a sandbox app registration as resource (client credentials with
    /// <c>{resource}/.default</c>), shaped as Entra issues it: the resource's client id as <c>aud</c>, the client's service
    /// principal as <c>oid</c>/<c>sub</c>, <c>azp</c>/<c>azpacr</c>, <c>idtyp</c> = app, and the granted roles, if any.
    /// </summary>
    public Task<string> IssueApiAccessTokenAsync(Uri sandboxBase, SandboxApiAccessToken token, CancellationToken cancellationToken)
    {
        var servicePrincipal = SandboxServicePrincipal.ObjectId(token.ClientId).ToString();
        var claims = new Dictionary<string, object>
        {
            ["aud"] = token.ResourceAppId.ToString(),
            ["tid"] = SandboxTenant.TenantId.ToString(),
            ["azp"] = token.ClientId.ToString(),
            ["azpacr"] = token.ClientAuthentication,
            ["oid"] = servicePrincipal,
            ["sub"] = servicePrincipal,
            ["idtyp"] = "app",
            ["ver"] = "2.0",
        };
        if (token.Roles.Count > 0)
        {
            claims["roles"] = token.Roles.ToArray();
        }
        return SignAsync(sandboxBase, claims, AccessTokenLifetime, cancellationToken);
    }

    /// <summary>An id token for the client that signed the user in, with the values of the app roles the user holds on it.</summary>
    public Task<string> IssueIdTokenAsync(Uri sandboxBase, Guid clientId, Guid userId, string userPrincipalName, string displayName,
        string? nonce, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>
        {
            ["aud"] = clientId.ToString(),
            ["tid"] = SandboxTenant.TenantId.ToString(),
            ["oid"] = userId.ToString(),
            ["sub"] = userId.ToString(),
            ["preferred_username"] = userPrincipalName,
            ["name"] = displayName,
            ["ver"] = "2.0",
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }
        // As Entra: the claim is there only when the user holds a role.
        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }
        return SignAsync(sandboxBase, claims, TimeSpan.FromHours(1), cancellationToken);
    }

    /// <summary>
    /// MSAL's <c>client_info</c>: base64url of <c>{"uid":oid,"utid":tid}</c>, which keys the account in its token cache.
    /// </summary>
    public static string ClientInfo(Guid userId) =>
        Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { uid = userId.ToString(), utid = SandboxTenant.TenantId.ToString() }));

    /// <summary>Validates a bearer token presented to the sandbox's Graph; null when it is not a valid Graph token.</summary>
    public async Task<SandboxAccessToken?> ValidateAccessTokenAsync(string token, CancellationToken cancellationToken)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = await keys.GetAsync(cancellationToken),
            ValidAudiences = [SandboxTenant.GraphResource, SandboxTenant.GraphAppId],
            IssuerValidator = (issuer, _, _) => IsSandboxIssuer(issuer)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not the sandbox tenant."),
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)
                && expires > clock.GetUtcNow().UtcDateTime,
            ValidateLifetime = true,
        });
        if (!result.IsValid)
        {
            return null;
        }

        var claims = result.ClaimsIdentity;
        var isDelegated = claims.FindFirst("scp") is not null;
        // A token signed right but without the claims Graph reads (tenant, app, and for a user the object id) is not a Graph token.
        if (GuidClaim(claims, "tid") is not { } tenantId || GuidClaim(claims, "appid") is not { } appId
            || (isDelegated && GuidClaim(claims, "oid") is null))
        {
            return null;
        }
        return new SandboxAccessToken(
            tenantId,
            appId,
            claims.FindFirst("app_displayname")?.Value ?? "",
            isDelegated ? GuidClaim(claims, "oid") : null,
            claims.FindFirst("upn")?.Value,
            isDelegated ? Value(claims, "scp").Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
            [.. claims.FindAll("roles").Select(claim => claim.Value)]);
    }

    /// <summary>
    /// The audience (client id) of an id token the sandbox issued, as the logout endpoint reads <c>id_token_hint</c>: the
    /// signature and the issuer must be the sandbox's, an expired token is still accepted (sign-out often comes late).
    /// </summary>
    public async Task<Guid?> IdTokenAudienceAsync(string idToken, CancellationToken cancellationToken)
    {
        var result = await Handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            IssuerSigningKey = await keys.GetAsync(cancellationToken),
            IssuerValidator = (issuer, _, _) => IsSandboxIssuer(issuer)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not the sandbox tenant."),
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        return result.IsValid && Guid.TryParse(result.ClaimsIdentity.FindFirst("aud")?.Value, out var audience) ? audience : null;
    }

    // Exactly the issuer at the configured address (tokens are issued there whatever Host they were asked at).
    private bool IsSandboxIssuer(string issuer) => string.Equals(issuer, Issuer(address.BaseUrl), StringComparison.Ordinal);

    private async Task<string> SignAsync(Uri sandboxBase, Dictionary<string, object> claims, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await keys.GetAsync(cancellationToken);
        // Entra's unique token id: two tokens issued in the same second still differ.
        claims["uti"] = Base64UrlEncoder.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(sandboxBase),
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-5),
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static Guid? GuidClaim(ClaimsIdentity claims, string type) =>
        Guid.TryParse(claims.FindFirst(type)?.Value, out var value) ? value : null;

    private static string Value(ClaimsIdentity claims, string type) =>
        claims.FindFirst(type)?.Value ?? throw new SecurityTokenException($"The token has no '{type}' claim.");
}
