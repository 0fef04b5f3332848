namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// The hardening that goes with sign-in (docs/decisions/0008): security headers on every response, the cookie policy,
/// the Blazor circuit's origin check and the request limits.
/// </summary>
internal static class PortalHardening
{
    public static IServiceCollection AddFlexMailHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFlexMailSecurityHeaders();
        services.AddFlexMailCookiePolicy();
        services.AddOptions<CircuitOriginOptions>().Bind(configuration.GetSection(CircuitOriginOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddFlexMailRequestLimits(configuration);
        return services;
    }

    /// <summary>
    /// Inside the exception handler and the status code pages, so that what they answer passes through here too (and a
    /// 413 is written here before a status code page could replace it); before sign-in, antiforgery and the endpoints.
    /// </summary>
    public static IApplicationBuilder UseFlexMailHardening(this IApplicationBuilder app) => app
        .UseFlexMailSecurityHeaders()
        .UseCookiePolicy()
        .UseMiddleware<CircuitOriginCheck>()
        .UseFlexMailRequestLimits();
}
