using FlexMail.Portal.Sandbox.Apps;
using Microsoft.AspNetCore.WebUtilities;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The end-session endpoint (<c>/{tenant}/oauth2/v2.0/logout</c>). The sandbox keeps no sign-in session, so signing out
/// only decides where the browser goes: back to <c>post_logout_redirect_uri</c>, with <c>state</c>, when that is exactly a
/// redirect URI of the app named by <c>client_id</c> or by the <c>id_token_hint</c>'s audience; otherwise the signed-out
/// page. An unregistered address is never redirected to.
/// </summary>
public sealed partial class SandboxLogout(SandboxAppRegistrations apps, SandboxTokenService tokens, ILogger<SandboxLogout> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var back = query["post_logout_redirect_uri"].ToString();
        EntraResponses.NoStore(context);
        if (back.Length == 0)
        {
            return SandboxIdentityPages.Html(SandboxIdentityPages.SignedOut());
        }
        var app = await NamedAppAsync(query["client_id"].ToString(), query["id_token_hint"].ToString(), cancellationToken);
        if (app is not null && app.RedirectUris.Contains(back, StringComparer.Ordinal))
        {
            var state = query["state"].ToString();
            return Results.Redirect(state.Length > 0 ? QueryHelpers.AddQueryString(back, "state", state) : back);
        }
        LogNotSentBack(logger, app?.AppId);
        return SandboxIdentityPages.Html(SandboxIdentityPages.SignedOut(app is null
            ? $"The sandbox did not send you back to {back}: the request names no app registration (client_id or id_token_hint) whose redirect URIs it could check."
            : $"The sandbox did not send you back to {back}: it is not a redirect URI of the app registration {app.DisplayName}."));
    }

    // The app the request names; none when client_id and the hint's audience disagree, or neither names a known app.
    private async Task<SandboxApplication?> NamedAppAsync(string clientId, string idTokenHint, CancellationToken cancellationToken)
    {
        Guid? fromClientId = Guid.TryParse(clientId, out var id) ? id : null;
        var fromHint = idTokenHint.Length > 0 ? await tokens.IdTokenAudienceAsync(idTokenHint, cancellationToken) : null;
        if (fromClientId is not null && fromHint is not null && fromClientId != fromHint)
        {
            return null;
        }
        var named = fromClientId ?? fromHint;
        return named is null ? null : await apps.FindByClientIdAsync(named.Value, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox logout: post_logout_redirect_uri is not a redirect URI of app {ClientId}; the signed-out page is shown instead")]
    private static partial void LogNotSentBack(ILogger logger, Guid? clientId);
}
