using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The sandbox's Microsoft identity platform v2.0 endpoints. They are served under <c>/sandbox/login/{tenant}</c>
/// and also at <c>/{tenant}</c> on the portal's root: MSAL keeps only the first path segment of an authority
/// (<c>https://host/{tenant}/</c>) and Azure.Identity only the host of its AuthorityHost, so unchanged clients reach
/// the endpoints there.
/// </summary>
public static class SandboxIdentityEndpoints
{
    private static readonly string[] BrowserPaths = ["/oauth2/v2.0/authorize", "/v2.0/adminconsent", "/oauth2/v2.0/logout"];

    public static IServiceCollection AddSandboxIdentity(this IServiceCollection services) => services
        .AddSingleton<SandboxGrants>()
        .AddSingleton<SandboxClientAuthenticator>()
        .AddSingleton<SandboxAuthorizeRequestProtector>()
        .AddSingleton<SandboxSignInFlow>()
        .AddSingleton<SandboxAdminConsentFlow>()
        .AddSingleton<SandboxLogout>()
        .AddSingleton<SandboxClientCredentialsGrant>()
        .AddSingleton<SandboxTokenEndpoint>();

    public static WebApplication MapSandboxIdentity(this WebApplication app)
    {
        foreach (var prefix in new[] { SandboxTenant.IdentityPath, "" })
        {
            // Open to every client, as the identity platform is: the portal's own sign-in requires a signed-in user elsewhere.
            var tenant = app.MapGroup(prefix + "/{tenant}").AddEndpointFilter(RequireThisTenant).ExcludeFromDescription().AllowAnonymous();
            tenant.MapGet("/v2.0/.well-known/openid-configuration", Configuration);
            tenant.MapGet("/discovery/v2.0/keys", KeysAsync);
            tenant.MapGet("/oauth2/v2.0/authorize", (string tenant, HttpContext context, SandboxSignInFlow flow, CancellationToken ct) =>
                flow.ShowAsync(context, tenant, ct));
            tenant.MapPost("/oauth2/v2.0/authorize", (HttpContext context, SandboxSignInFlow flow, CancellationToken ct) =>
                flow.SubmitAsync(context, ct));
            tenant.MapPost("/oauth2/v2.0/token", (HttpContext context, SandboxTokenEndpoint endpoint, CancellationToken ct) =>
                endpoint.HandleAsync(context, ct)).DisableAntiforgery();
            tenant.MapGet("/v2.0/adminconsent", (string tenant, HttpContext context, SandboxAdminConsentFlow flow, CancellationToken ct) =>
                flow.ShowAsync(context, tenant, ct));
            tenant.MapPost("/v2.0/adminconsent", (HttpContext context, SandboxAdminConsentFlow flow, CancellationToken ct) =>
                flow.SubmitAsync(context, ct));
            tenant.MapGet("/oauth2/v2.0/logout", (HttpContext context, SandboxLogout logout, CancellationToken ct) =>
                logout.HandleAsync(context, ct));
        }
        return app;
    }

    private static async ValueTask<object?> RequireThisTenant(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var tenant = context.GetRouteValue("tenant") as string ?? "";
        if (SandboxTenant.IsThisTenant(tenant))
        {
            return await next(invocation);
        }
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var path = context.Request.Path.Value ?? "";
        return BrowserPaths.Any(p => path.EndsWith(p, StringComparison.OrdinalIgnoreCase))
            ? EntraResponses.Page(context, EntraErrors.TenantNotFound(tenant), clock)
            : EntraResponses.Json(context, EntraErrors.TenantNotFound(tenant), clock);
    }

    private static IResult Configuration(string tenant, HttpContext context)
    {
        // The configured address, not the request's Host header: a client cannot choose the issuer or the endpoints.
        var sandboxBase = SandboxTokenEndpoint.IssuerBase(context);
        var host = sandboxBase.GetLeftPart(UriPartial.Authority);
        var prefix = context.Request.Path.StartsWithSegments(SandboxTenant.IdentityPath) ? SandboxTenant.IdentityPath : "";
        var endpoints = $"{host}{prefix}/{tenant}";
        var issuer = tenant.Equals("organizations", StringComparison.OrdinalIgnoreCase)
            ? $"{host}{SandboxTenant.IdentityPath}/{{tenantid}}/v2.0"
            : SandboxTokenService.Issuer(sandboxBase);
        return Results.Json(new Dictionary<string, object?>
        {
            ["token_endpoint"] = $"{endpoints}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
            ["jwks_uri"] = $"{endpoints}/discovery/v2.0/keys",
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["issuer"] = issuer,
            ["request_uri_parameter_supported"] = false,
            ["authorization_endpoint"] = $"{endpoints}/oauth2/v2.0/authorize",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = $"{endpoints}/oauth2/v2.0/logout",
            ["claims_supported"] = new[]
            {
                "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat",
                "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email",
            },
            ["tenant_region_scope"] = "EU",
            ["cloud_instance_name"] = "microsoftonline.com",
            ["cloud_graph_host_name"] = "graph.windows.net",
            // Graph of the sandbox: nothing the discovery document names leaves the portal.
            ["msgraph_host"] = sandboxBase.Authority + SandboxTenant.GraphPath,
            ["rbac_url"] = "https://pas.windows.net",
        });
    }

    private static async Task<IResult> KeysAsync(HttpContext context, SandboxSigningKeys keys, CancellationToken cancellationToken)
    {
        JsonWebKey jwk = await keys.GetPublicJwkAsync(cancellationToken);
        var issuer = SandboxTokenService.Issuer(SandboxTokenEndpoint.IssuerBase(context));
        return Results.Json(new
        {
            keys = new[] { new Dictionary<string, string> { ["kty"] = jwk.Kty, ["use"] = jwk.Use, ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E, ["issuer"] = issuer } },
        });
    }
}
