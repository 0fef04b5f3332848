namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Registers and applies <see cref="SecurityHeaders"/>, and sets HSTS (sent by <c>UseHsts</c> outside Development):
/// one year, this host only (other hosts of the domain may not serve HTTPS), not preloaded. ASP.NET Core sends no HSTS
/// to <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>, so a developer's browser never pins them.
/// </summary>
internal static class SecurityHeadersSetup
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddFlexMailSecurityHeaders(this IServiceCollection services)
    {
        services.AddSingleton<IdentityProviderOrigins>();
        services.AddSingleton<SandboxSignInPages>();
        services.AddSingleton<SecurityHeaders>();
        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = false;
            options.Preload = false;
        });
        return services;
    }

    public static IApplicationBuilder UseFlexMailSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
