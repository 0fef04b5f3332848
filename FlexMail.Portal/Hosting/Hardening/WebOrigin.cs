using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// A web origin (<c>scheme://host[:port]</c>, default port left out), as browsers send it in <c>Origin</c> and as a
/// Content-Security-Policy source names it. Only http and https origins whose text is safe inside a CSP header.
/// </summary>
internal static partial class WebOrigin
{
    /// <summary>The origin of an absolute http(s) URL (any path, query or user info dropped).</summary>
    public static bool TryFromUrl(string? url, [NotNullWhen(true)] out string? origin)
    {
        origin = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }
        var candidate = uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped).ToLowerInvariant();
        if (!SafeOrigin().IsMatch(candidate))
        {
            return false;
        }
        origin = candidate;
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is an origin and nothing more (no path other than <c>/</c>, no query).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out string? origin)
    {
        origin = null;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            && TryFromUrl(value, out origin);
    }

    /// <summary>The origin the request was made to: its scheme and host, as the forwarded headers left them.</summary>
    public static string? Of(HttpRequest request) =>
        request.Host.HasValue && TryFromUrl($"{request.Scheme}://{request.Host.Value}/", out var origin) ? origin : null;

    [GeneratedRegex(@"^https?://[a-z0-9.\-]+(:\d{1,5})?$|^https?://\[[0-9a-f:.]+\](:\d{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeOrigin();
}
