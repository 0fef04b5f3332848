using System.Security.Cryptography;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// Authorize for a mailbox user: <c>GET /oauth/authorize?role=Outgoing|Incoming&amp;returnUrl=/settings/email</c>
/// sends the browser to Entra ID; Entra ID sends it back to the callback path, which completes the authorization
/// and redirects to the return URL with <c>?authorization={id}</c>, the id of the outcome in
/// <see cref="AuthorizationOutcomes"/> (kept a few minutes). The admin consent link FlexMail builds returns to the same
/// callback (with <c>admin_consent</c> and <c>tenant</c>, no state); its outcome goes to the email settings page.
/// </summary>
internal static class OAuthAuthorizationEndpoints
{
    public const string StartPath = "/oauth/authorize";

    /// <summary>The random value that binds a sign-in to the browser it was started in.</summary>
    public const string BrowserCookie = "FlexMail.Authorize";

    private const string CannotStart = "Authorize cannot start";

    public static IEndpointRouteBuilder MapFlexMailAuthorization(this IEndpointRouteBuilder endpoints)
    {
        var callbackPath = endpoints.ServiceProvider.GetRequiredService<IOptions<OAuthOptions>>().Value.CallbackPath;
        endpoints.MapGet(StartPath, StartAsync).RequireAuthorization(PortalPolicies.Admin);
        // Open: Entra ID sends the browser here; the one-time state, its browser binding and PKCE are the checks, and an
        // admin consent granted by a tenant administrator who does not use FlexMail returns here too.
        endpoints.MapGet(callbackPath, CallbackAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpContext context, MailboxAuthorizationFlow flow, string? role, string? returnUrl,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<MailboxRole>(role, ignoreCase: true, out var mailboxRole) || !Enum.IsDefined(mailboxRole))
        {
            return ProblemResults.BadRequest("RoleRequired", CannotStart, "Say which mailbox user to authorize: role=Outgoing or role=Incoming.");
        }
        var target = string.IsNullOrEmpty(returnUrl) ? MailboxAuthorizationFlow.DefaultReturnUrl : returnUrl;
        if (target.StartsWith('/') && !MailboxAuthorizationFlow.HasOnlyUrlCharacters(target))
        {
            return ProblemResults.BadRequest("ReturnUrlNotEncoded", CannotStart,
                "The return address may hold only plain ASCII characters, without spaces: percent-encode anything else " +
                "(e.g. /caf%C3%A9 for /café), or leave returnUrl out to come back to /settings/email.");
        }
        if (!MailboxAuthorizationFlow.IsLocal(target))
        {
            return ProblemResults.BadRequest("ReturnUrlNotLocal", CannotStart, "The return address must be a page of this portal, e.g. /settings/email.");
        }
        var binding = context.Request.Cookies[BrowserCookie] is { Length: >= 32 } existing ? existing : NewBinding();
        var (authorizeUrl, problem) = await flow.StartAsync(mailboxRole, target, binding, CurrentActor.Of(context.User), cancellationToken);
        if (authorizeUrl is null)
        {
            return ProblemResults.From(problem!, CannotStart);
        }
        context.Response.Cookies.Append(BrowserCookie, binding, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            MaxAge = MailboxAuthorizationFlow.StateLifetime,
        });
        return TypedResults.Redirect(authorizeUrl.ToString());
    }

    private static async Task<IResult> CallbackAsync(HttpContext context, MailboxAuthorizationFlow flow, AuthorizationOutcomes outcomes,
        CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var callback = new AuthorizationCallback(query["state"], query["code"], query["error"], query["error_description"],
            query["admin_consent"], query["tenant"]);
        var outcome = await flow.CompleteAsync(callback, context.Request.Cookies[BrowserCookie], CurrentActor.Of(context.User), cancellationToken);
        var id = outcomes.Add(outcome);
        // The code is redeemed by now: whatever was stored (a row from an older version, say), the redirect must not fail.
        return Results.Redirect(QueryHelpers.AddQueryString(MailboxAuthorizationFlow.SafeReturnUrl(outcome.ReturnUrl), "authorization", id.ToString()));
    }

    private static string NewBinding() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
