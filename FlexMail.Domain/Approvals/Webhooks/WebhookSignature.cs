using System.Security.Cryptography;
using System.Text;

namespace FlexMail.Domain.Approvals.Webhooks;

/// <summary>
/// The signature of a callback: <c>X-FlexMail-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>.
/// A receiver recomputes it over the raw body with its API key's webhook secret, compares in constant time, and
/// refuses timestamps older than a few minutes (replays).
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-FlexMail-Signature";
    public const string EventHeaderName = "X-FlexMail-Event";
    public const string DeliveryHeaderName = "X-FlexMail-Delivery";

    public static string Sign(string secret, DateTimeOffset timestamp, string body)
    {
        var t = timestamp.ToUnixTimeSeconds();
        return $"t={t},v1={Compute(secret, t, body)}";
    }

    /// <summary>Checks a header value the way a receiver should (used by FlexMail's tests and as the documented reference).</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2).GroupBy(pair => pair[0], pair => pair[1])
            .ToDictionary(group => group.Key, group => group.ToList());
        // A header naming its timestamp or signature twice is malformed: refused, never guessed at.
        if (!parts.TryGetValue("t", out var t) || t.Count != 1 || !long.TryParse(t[0], out var seconds)
            || !parts.TryGetValue("v1", out var v1) || v1.Count != 1)
        {
            return false;
        }
        if (seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(v1[0]));
    }

    private static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
