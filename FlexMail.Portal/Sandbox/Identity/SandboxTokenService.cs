using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// Issues the sandbox's RS256 tokens shaped like Entra's v2.0 tokens (access tokens for Microsoft Graph, id tokens
/// for the client) and validates Graph access tokens.
/// </summary>
public sealed class SandboxTokenService(SandboxSigningKeys keys, TimeProvider clock)
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

    /// <summary>An id token for the client that signed the user in.</summary>
    public Task<string> IssueIdTokenAsync(Uri sandboxBase, Guid clientId, Guid userId, string userPrincipalName, string displayName,
        string? nonce, CancellationToken cancellationToken)
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
            // The issuer carries the host the token was requested at; the tenant path is what must match.
            IssuerValidator = (issuer, _, _) => issuer.EndsWith($"{SandboxTenant.IdentityPath}/{SandboxTenant.TenantId}/v2.0", StringComparison.Ordinal)
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
        return new SandboxAccessToken(
            Guid.Parse(Value(claims, "tid")),
            Guid.Parse(Value(claims, "appid")),
            claims.FindFirst("app_displayname")?.Value ?? "",
            isDelegated ? Guid.Parse(Value(claims, "oid")) : null,
            claims.FindFirst("upn")?.Value,
            isDelegated ? Value(claims, "scp").Split(' ', StringSplitOptions.RemoveEmptyEntries) : [],
            [.. claims.FindAll("roles").Select(claim => claim.Value)]);
    }

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

    private static string Value(ClaimsIdentity claims, string type) =>
        claims.FindFirst(type)?.Value ?? throw new SecurityTokenException($"The token has no '{type}' claim.");
}
