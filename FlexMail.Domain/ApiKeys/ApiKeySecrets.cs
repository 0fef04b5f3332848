using System.Security.Cryptography;
using System.Text;

namespace FlexMail.Domain.ApiKeys;

/// <summary>
/// The text of an API key (<c>fmk_</c> + 32 random bytes, base64url: 256 bits) and of its webhook signing secret
/// (<c>whsec_</c> + 32 random bytes, base64url), and the SHA-256 a key is stored and found by.
/// </summary>
public static class ApiKeySecrets
{
    public const string KeyPrefix = "fmk_";

    public const string WebhookSecretPrefix = "whsec_";

    /// <summary>How many characters of a key are kept in clear to tell keys apart (<see cref="ApiKey.Prefix"/>).</summary>
    public const int ShownPrefixLength = 12;

    /// <summary>Longer than any key FlexMail makes: a longer header is refused before it is hashed.</summary>
    public const int MaxKeyLength = 200;

    private const int RandomBytes = 32;

    public static string NewKey() => KeyPrefix + RandomText();

    public static string NewWebhookSecret() => WebhookSecretPrefix + RandomText();

    /// <summary>SHA-256 (lower-case hex) of the whole key, as stored.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string RandomText()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
