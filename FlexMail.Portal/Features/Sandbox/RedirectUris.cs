namespace FlexMail.Portal.Features.Sandbox;

/// <summary>Entra ID's rule for Web redirect URIs: absolute https, or http only on localhost; no fragment.</summary>
public static class RedirectUris
{
    public static string? Problem(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"\"{value.Trim()}\" is not a redirect URI: it must be a full address starting with https://.";
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            return $"\"{value.Trim()}\" must use https://: http is allowed only for localhost.";
        }
        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return $"\"{value.Trim()}\" must not contain a #fragment.";
        }
        return null;
    }
}
