using System.Buffers.Text;

namespace FlexMail.Domain.Credentials;

/// <summary>
/// A certificate's thumbprints in upper-case hex (as the Entra ID portal lists them) and as the JOSE header values
/// <c>x5t</c> / <c>x5t#S256</c> (base64url of the raw hash) that client assertions carry.
/// </summary>
public sealed record CertificateThumbprints(string Sha1Hex, string Sha256Hex)
{
    public string X5t => Base64Url.EncodeToString(Convert.FromHexString(Sha1Hex));

    public string X5tS256 => Base64Url.EncodeToString(Convert.FromHexString(Sha256Hex));
}
