using System.Security.Cryptography;
using System.Text;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// The portal's Content-Security-Policy: the one place its text is written (docs/decisions/0008). Every response carries
/// it. Two directives get more sources on some responses: <c>script-src</c> the hashes of the inline scripts that
/// response may run (the import map of a page, the sandbox's <c>form_post</c> script), and <c>form-action</c> the
/// identity platform FlexMail signs in at, plus, on the sandbox's sign-in pages, the origin of the client's redirect URI.
/// </summary>
internal static class ContentSecurityPolicy
{
    public const string HeaderName = "Content-Security-Policy";

    /// <summary>
    /// Scripts only from the portal (no inline script but those hashed per response, no eval); inline styles allowed
    /// (MudBlazor sets style attributes and its theme's <c>&lt;style&gt;</c>); the circuit's WebSocket is <c>'self'</c>;
    /// never framed, no plugins, no foreign <c>&lt;base&gt;</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> FixedDirectives =
    [
        "default-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
    ];

    /// <summary>The header value with these inline-script hashes and these form targets besides the portal itself.</summary>
    public static string Render(IEnumerable<string> scriptHashes, IEnumerable<string> formActionOrigins)
    {
        var text = new StringBuilder(FixedDirectives[0]);
        text.Append("; script-src 'self'");
        foreach (var hash in scriptHashes)
        {
            text.Append(' ').Append(hash);
        }
        foreach (var directive in FixedDirectives.Skip(1))
        {
            text.Append("; ").Append(directive);
        }
        text.Append("; form-action 'self'");
        foreach (var origin in formActionOrigins.Distinct(StringComparer.Ordinal))
        {
            text.Append(' ').Append(origin);
        }
        return text.ToString();
    }

    /// <summary>The source expression that allows exactly this inline script (<c>'sha256-…'</c>).</summary>
    public static string Sha256Source(string script) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
}
