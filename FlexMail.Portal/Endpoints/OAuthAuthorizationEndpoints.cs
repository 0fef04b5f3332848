using System.Security.Cryptography;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Portal.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// Authorize for a mailbox user: <c>GET /oauth/authorize?role=Outgoing|Incoming&amp;returnUrl=/settings/email</c>
/// sends the browser to Entra ID; Entra ID sends it back to the callback path, which completes the authorization
/// and redirects to the return URL with <c>?authorization={id}</c>, the id of the outcome in
/// <see cref="AuthorizationOutcomes"/> (kept a few minutes).
/// </summary>
internal static class OAuthAuthorizationEndpoints
{
    public const string StartPath = "/oauth/authorize";

    /// <summary>The random value that binds a sign-in to the browser it was started in.</summary>
    public const string BrowserCookie = "FlexMail.Authorize";

    public static IEndpointRouteBuilder MapFlexMailAuthorization(this IEndpointRouteBuilder endpoints)
    {
        var callbackPath = endpoints.ServiceProvider.GetRequiredService<IOptions<OAuthOptions>>().Value.CallbackPath;
        endpoints.MapGet(StartPath, StartAsync);
        endpoints.MapGet(callbackPath, CallbackAsync);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpContext context, MailboxAuthorizationFlow flow, string? role, string? returnUrl,
        CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<MailboxRole>(role, ignoreCase: true, out var mailboxRole) || !Enum.IsDefined(mailboxRole))
        {
            return Results.Text("Say which mailbox user to authorize: role=Outgoing or role=Incoming.", statusCode: StatusCodes.Status400BadRequest);
        }
        var target = string.IsNullOrEmpty(returnUrl) ? MailboxAuthorizationFlow.DefaultReturnUrl : returnUrl;
        if (!MailboxAuthorizationFlow.IsLocal(target))
        {
            return Results.Text("The return address must be a page of this portal, e.g. /settings/email.", statusCode: StatusCodes.Status400BadRequest);
        }
        var binding = context.Request.Cookies[BrowserCookie] is { Length: >= 32 } existing ? existing : NewBinding();
        var start = await flow.StartAsync(mailboxRole, target, binding, cancellationToken);
        if (start.AuthorizeUrl is null)
        {
            return Results.Text(start.Problem, statusCode: StatusCodes.Status400BadRequest);
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
        return Results.Redirect(start.AuthorizeUrl.ToString());
    }

    private static async Task<IResult> CallbackAsync(HttpContext context, MailboxAuthorizationFlow flow, AuthorizationOutcomes outcomes,
        CurrentActor actor, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var callback = new AuthorizationCallback(query["state"], query["code"], query["error"], query["error_description"]);
        var outcome = await flow.CompleteAsync(callback, context.Request.Cookies[BrowserCookie], actor.Name, cancellationToken);
        var id = outcomes.Add(outcome);
        return Results.Redirect(QueryHelpers.AddQueryString(outcome.ReturnUrl, "authorization", id.ToString()));
    }

    private static string NewBinding() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
