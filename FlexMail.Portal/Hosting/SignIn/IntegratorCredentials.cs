using Microsoft.AspNetCore.Authentication;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// How an integrator proves who it is: an API key (<c>X-Api-Key</c>) or an Entra bearer token. One scheme chooses by
/// the request: the key when the header is there, the bearer token when an Authorization header is, else the key's
/// scheme, whose 401 names both.
/// </summary>
internal static class IntegratorCredentials
{
    public const string Scheme = "FlexMail.Integrator";

    /// <summary>The key when <c>X-Api-Key</c> is there, else the person's sign-in session.</summary>
    public const string AdminOrApiKeyScheme = "FlexMail.AdminOrApiKey";

    public static AuthenticationBuilder AddFlexMailIntegratorCredentials(this AuthenticationBuilder authentication) => authentication
        .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, _ => { })
        .AddPolicyScheme(Scheme, "API key or bearer token", policy =>
            policy.ForwardDefaultSelector = context =>
                !context.Request.Headers.ContainsKey(ApiKeyAuthentication.HeaderName) && context.Request.Headers.Authorization.Count > 0
                    ? IntegratorTokens.Scheme
                    : ApiKeyAuthentication.SchemeName)
        .AddPolicyScheme(AdminOrApiKeyScheme, "Signed-in person or API key", policy =>
            policy.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthentication.HeaderName) ? ApiKeyAuthentication.SchemeName : PortalSignIn.ChallengeScheme);
}
