namespace FlexMail.Domain.Settings;

/// <summary>
/// The portal's public address as registered in Entra ID: absolute https, no path, query or fragment
/// (http only for localhost, as Entra ID itself allows).
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
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return "Server Base URL must use https://: Entra ID accepts http redirect addresses only for localhost.";
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

    /// <summary>The base URL in canonical form (scheme and host, no trailing slash). Only for valid values.</summary>
    public static string Normalize(string value) => new Uri(value.Trim()).GetLeftPart(UriPartial.Authority);

    /// <summary>The exact redirect URI to register in Entra ID: base URL + callback path.</summary>
    public static string RedirectUri(string baseUrl, string callbackPath) => Normalize(baseUrl) + callbackPath;

    /// <summary>The redirect URI, or null while the base URL is not valid yet (as the admin types).</summary>
    public static string? RedirectUriOrNull(string? baseUrl, string callbackPath) =>
        Problem(baseUrl) is null ? RedirectUri(baseUrl!, callbackPath) : null;
}
