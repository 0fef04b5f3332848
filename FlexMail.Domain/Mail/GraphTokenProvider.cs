using Microsoft.Kiota.Abstractions.Authentication;

namespace FlexMail.Domain.Mail;

/// <summary>
/// Gives the Graph SDK the token source's access tokens, for HTTPS requests to the cloud's Graph host only (the
/// SDK would send none to a host it does not know, such as the sandbox's). Remembers what the last token said
/// about itself, to explain failures.
/// </summary>
internal sealed class GraphTokenProvider(IGraphAccessTokenSource tokens, string graphHost) : IAccessTokenProvider
{
    private TokenClaims? _lastClaims;

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphHost]);

    /// <summary>The claims of the last token handed out, or null when none was (or it could not be read).</summary>
    public TokenClaims? LastClaims => Volatile.Read(ref _lastClaims);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        if (uri.Scheme != Uri.UriSchemeHttps || !AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return "";
        }
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        Volatile.Write(ref _lastClaims, TokenClaims.Read(token));
        return token;
    }
}
