using Microsoft.AspNetCore.Authorization;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>
/// Who may use what. The fallback policy (a signed-in person) covers every endpoint that names no policy; pages and
/// endpoints name one of these; the few that must stay open say <c>AllowAnonymous</c> where they are mapped.
/// </summary>
public static class PortalPolicies
{
    /// <summary><see cref="PortalRoles.Admin"/> only.</summary>
    public const string Admin = "Admin";

    /// <summary><see cref="PortalRoles.Support"/> or <see cref="PortalRoles.Admin"/> (Admin may do everything).</summary>
    public const string Support = "Support";

    /// <summary>
    /// An application with the app role <see cref="PortalRoles.Integrator"/>: by an API key (<c>X-Api-Key</c>) or an Entra
    /// bearer token (<see cref="IntegratorCredentials"/>).
    /// </summary>
    public const string Integrator = "Integrator";

    /// <summary>
    /// The sandbox's automation API (<c>/sandbox/api</c>): a signed-in <see cref="PortalRoles.Admin"/>, or a program with
    /// an API key (<c>X-Api-Key</c>).
    /// </summary>
    public const string SandboxAutomation = "SandboxAutomation";

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin))
        .AddPolicy(Support, policy => policy.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.Support))
        .AddPolicy(Integrator, policy => policy.AddAuthenticationSchemes(IntegratorCredentials.Scheme).RequireAuthenticatedUser().RequireRole(PortalRoles.Integrator))
        .AddPolicy(SandboxAutomation, policy => policy.AddAuthenticationSchemes(IntegratorCredentials.AdminOrApiKeyScheme).RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.IsInRole(PortalRoles.Admin) || ApiKeyClaims.KeyIdOf(context.User) is not null));
}
