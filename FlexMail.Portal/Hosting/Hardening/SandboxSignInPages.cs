using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Identity;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// What the sandbox's browser sign-in pages (authorize and admin consent) need beyond the portal's policy. Their forms
/// post to the page itself, which then redirects to, or with <c>response_mode=form_post</c> posts a self-submitting
/// form to, the client's registered redirect URI, which may be another origin: so <c>form-action</c> names that origin,
/// and <c>script-src</c> the hash of the one inline script of the <c>form_post</c> page. Only for a page answered with
/// success: an error page (an unregistered redirect URI among them) gets neither.
/// </summary>
internal sealed class SandboxSignInPages(IConfiguration configuration)
{
    public static readonly string FormPostScriptHash = ContentSecurityPolicy.Sha256Source(SandboxIdentityPages.FormPostScript);

    private static readonly string[] BrowserFlowPaths = ["/oauth2/v2.0/authorize", "/v2.0/adminconsent"];

    private readonly bool _enabled = configuration.IsSandboxEnabled();

    public bool Applies(HttpContext context) =>
        _enabled
        && context.Response.StatusCode is >= 200 and < 300
        && BrowserFlowPaths.Any(path => context.Request.Path.Value?.EndsWith(path, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// The redirect URI's origin, from the query: the sign-in page was opened with it, and its forms post back to that
    /// same address, so the query is there on every step.
    /// </summary>
    public static string? RedirectOrigin(HttpRequest request) =>
        WebOrigin.TryFromUrl(request.Query["redirect_uri"].ToString(), out var origin) ? origin : null;
}
