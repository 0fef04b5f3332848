using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// The reply token of an approval mail: <c>FM-{installation}-{secret}</c>, e.g. <c>FM-7KQ2-3M9X4T8RZP1V6WQH</c>. The
/// secret is 80 random bits in Crockford's base32 (no I, L, O or U, so nothing reads as another character); the
/// installation code (4 characters, 20 bits) tells installations sharing a folder apart. Only the secret's SHA-256 is
/// stored. Reading is forgiving the way Crockford intends: any case, O read as 0, I and L as 1.
/// </summary>
public static partial class ReplyTokens
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int SecretLength = 16;
    public const int InstallationCodeLength = 4;
    public const string Prefix = "FM-";

    /// <summary>A new token for this installation.</summary>
    public static ReplyToken Create(string installationCode) => new(installationCode, Random(SecretLength));

    /// <summary>A new installation code.</summary>
    public static string CreateInstallationCode() => Random(InstallationCodeLength);

    /// <summary>SHA-256 (lower-case hex) of a token's secret, as stored.</summary>
    public static string Hash(ReplyToken token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token.Secret)));

    /// <summary>Every token in a text (a subject, a reference block), normalised; tokens of other installations too.</summary>
    public static IReadOnlyList<ReplyToken> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        return [.. TokenPattern().Matches(text).Select(match => new ReplyToken(Normalize(match.Groups["installation"].Value),
            Normalize(match.Groups["secret"].Value))).Distinct()];
    }

    private static string Random(int length)
    {
        // 32 symbols: every random byte's low five bits are uniform.
        Span<byte> bytes = stackalloc byte[length];
        RandomNumberGenerator.Fill(bytes);
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = Alphabet[bytes[i] & 31];
        }
        return new string(text);
    }

    private static string Normalize(string value) =>
        new([.. value.ToUpperInvariant().Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);

    [GeneratedRegex(@"\bFM-(?<installation>[0-9A-TV-Z]{4})-(?<secret>[0-9A-TV-Z]{16})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TokenPattern();
}

/// <summary>A reply token: the installation it belongs to and its secret.</summary>
public sealed record ReplyToken(string InstallationCode, string Secret)
{
    public override string ToString() => $"{ReplyTokens.Prefix}{InstallationCode}-{Secret}";
}
