namespace FlexMail.Domain.Settings;

/// <summary>
/// The portal's public address as registered in Entra ID: absolute https, no path, query or fragment
/// (http only for a loopback host: localhost, 127.0.0.0/8 or [::1], as Entra ID itself allows).
/// </summary>
public static class ServerBaseUrl
{
    /// <summary>Null when valid; otherwise what is wrong and how to fix it.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Server Base URL is required: the address admins use to open FlexMail, e.g. https://flexmail.contoso.com.";
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Server Base URL must be a full address starting with https://, e.g. https://flexmail.contoso.com.";
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            return $"Server Base URL must use https:// (https://{uri.Authority}): Entra ID accepts http redirect addresses only for " +
                "this computer (localhost, 127.0.0.1 or [::1]).";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Server Base URL must not contain a user name or password.";
        }
        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return $"Server Base URL must be the address without a path, query or #fragment: use {uri.GetLeftPart(UriPartial.Authority)}.";
        }
        return null;
    }

    /// <summary>
    /// A warning when the portal is being used at another address than the Server Base URL, or null when they are the
    /// same (or either is not a valid address yet). Not an error: behind a reverse proxy the two may rightly differ.
    /// </summary>
    /// <param name="value">The Server Base URL as typed.</param>
    /// <param name="portalOrigin">The address the portal is being used at (the browser's origin), when known.</param>
    /// <param name="callbackPath">The redirect path (FlexMail:OAuth:CallbackPath).</param>
    public static string? MismatchWarning(string? value, string? portalOrigin, string callbackPath)
    {
        if (Problem(value) is not null || string.IsNullOrWhiteSpace(portalOrigin)
            || !Uri.TryCreate(portalOrigin.Trim(), UriKind.Absolute, out var origin))
        {
            return null;
        }
        var configured = Normalize(value!);
        var current = origin.GetLeftPart(UriPartial.Authority);
        if (string.Equals(configured, current, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return $"You are using the portal at {current}, but the Server Base URL is {configured}: Entra ID will send the sign-in back to " +
            $"{configured}{callbackPath} after Authorize. If that address does not reach this portal, the sign-in ends on an error page " +
            $"(AADSTS50011 when the app registration does not list that redirect URI). Use {current} as Server Base URL, unless the " +
            $"portal is reached at {configured} through a reverse proxy.";
    }

    /// <summary>Loopback hosts, which alone may use http: localhost, 127.0.0.0/8 and [::1].</summary>
    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(uri.IdnHost, out var address) && System.Net.IPAddress.IsLoopback(address));

    /// <summary>The base URL in canonical form (scheme and host, no trailing slash). Only for valid values.</summary>
    public static string Normalize(string value) => new Uri(value.Trim()).GetLeftPart(UriPartial.Authority);

    /// <summary>The exact redirect URI to register in Entra ID: base URL + callback path.</summary>
    public static string RedirectUri(string baseUrl, string callbackPath) => Normalize(baseUrl) + callbackPath;

    /// <summary>The redirect URI, or null while the base URL is not valid yet (as the admin types).</summary>
    public static string? RedirectUriOrNull(string? baseUrl, string callbackPath) =>
        Problem(baseUrl) is null ? RedirectUri(baseUrl!, callbackPath) : null;
}
