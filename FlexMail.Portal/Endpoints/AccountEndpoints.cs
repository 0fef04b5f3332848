using FlexMail.Domain.MailboxAccess.Authorize;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// Sign-in and sign-out: <c>GET /account/sign-in?returnUrl=/page</c> starts the OpenID Connect sign-in and comes back to
/// the page (a page of this portal only); <c>POST /account/sign-out</c> (a form with the antiforgery token) ends the
/// session here and at the identity provider, then shows <see cref="SignedOutPath"/>.
/// </summary>
internal static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";

    public const string SignOutPath = "/account/sign-out";

    public const string SignedOutPath = "/signed-out";

    public const string AccessDeniedPath = "/access-denied";

    public static string SignInUrl(string returnUrl) => QueryHelpers.AddQueryString(SignInPath, "returnUrl", returnUrl);

    public static IEndpointRouteBuilder MapFlexMailAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPath, SignIn).AllowAnonymous();
        endpoints.MapPost(SignOutPath, SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    private static IResult SignIn(string? returnUrl) =>
        Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]);

    /// <summary>Only from FlexMail's own Sign out form: another site cannot sign a person out (the antiforgery token).</summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        // UseAntiforgery has checked the form's token (the endpoint requires one); a minimal API endpoint that binds no
        // form must look at the verdict itself.
        var verdict = context.Features.Get<IAntiforgeryValidationFeature>();
        if (verdict is null ? !await antiforgery.IsRequestValidAsync(context) : !verdict.IsValid)
        {
            return ProblemResults.BadRequest("SignOutFormExpired", "Sign out did not happen",
                "The sign-out form has expired or did not come from FlexMail. Reload the page and click Sign out again.");
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = SignedOutPath },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>Only a page of this portal is a place to come back to (never another site: no open redirect).</summary>
    internal static string LocalOrHome(string? returnUrl) => MailboxAuthorizationFlow.IsLocal(returnUrl) ? returnUrl! : "/";
}
