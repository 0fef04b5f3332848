using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// The first check of every browser-facing request (authorize, admin consent): the <c>client_id</c> names an app
/// registration and the <c>redirect_uri</c> is exactly one of its redirect URIs. Like Entra, a failure is shown on a
/// page and never sent to the unverified redirect URI.
/// </summary>
public sealed record SandboxRegisteredClient(SandboxApplication App, string RedirectUri)
{
    /// <returns>The client, or the error page to answer with.</returns>
    public static async Task<(SandboxRegisteredClient? Client, IResult? ErrorPage)> FindAsync(
        HttpContext context, SandboxAppRegistrations apps, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var clientId = query["client_id"].ToString();
        var app = Guid.TryParse(clientId, out var id) ? await apps.FindByClientIdAsync(id, cancellationToken) : null;
        if (app is null)
        {
            return (null, EntraResponses.Page(context, EntraErrors.ApplicationNotFound(clientId), clock));
        }
        var redirectUri = query["redirect_uri"].ToString();
        if (!app.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return (null, EntraResponses.Page(context, EntraErrors.RedirectUriMismatch(redirectUri, app.AppId), clock, RedirectUriFixes(app, redirectUri)));
        }
        return (new SandboxRegisteredClient(app, redirectUri), null);
    }

    /// <summary>
    /// The two fixes of AADSTS50011, each with a link: register the exact redirect URI on the sandbox's app page, or
    /// correct FlexMail's Server Base URL (the redirect URI is built from it) on Email Settings, which is also the way back.
    /// </summary>
    public static IReadOnlyList<ErrorPageFix> RedirectUriFixes(SandboxApplication app, string redirectUri) =>
    [
        new($"Add the exact redirect URI {redirectUri} to the app registration {app.DisplayName} (Redirect URIs), if that is the address of FlexMail:",
            $"Open the app registration {app.DisplayName}", $"/sandbox/apps/{app.AppId}"),
        new("Or correct FlexMail's Server Base URL, from which FlexMail builds the redirect URI, to the address the app registration lists:",
            "Open FlexMail's Email Settings", "/settings/email"),
    ];
}
