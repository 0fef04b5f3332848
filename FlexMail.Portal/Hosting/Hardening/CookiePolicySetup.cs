using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Every cookie the portal sets is <c>Secure</c> and <c>HttpOnly</c> (no script of the portal reads a cookie), and
/// <c>SameSite=Lax</c> unless it says otherwise. A cookie that asks for <c>SameSite=None</c> keeps it: the OpenID Connect
/// correlation and nonce cookies must come back on the identity platform's cross-site <c>form_post</c>, and ASP.NET
/// Core sets them so. Hence no <see cref="CookiePolicyOptions.MinimumSameSitePolicy"/>: a minimum of Lax would turn
/// their None into Lax and break sign-in.
/// </summary>
internal static class CookiePolicySetup
{
    public static IServiceCollection AddFlexMailCookiePolicy(this IServiceCollection services)
    {
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.Always;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Unspecified;
            options.OnAppendCookie = context => DefaultToLax(context.CookieOptions);
            options.OnDeleteCookie = context => DefaultToLax(context.CookieOptions);
        });
        // The antiforgery cookie is only ever needed on a post from the portal's own page: Strict.
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>A cookie that names no SameSite mode gets Lax; None, Lax and Strict stay as they are.</summary>
    public static void DefaultToLax(CookieOptions options)
    {
        if (options.SameSite == SameSiteMode.Unspecified)
        {
            options.SameSite = SameSiteMode.Lax;
        }
    }
}
