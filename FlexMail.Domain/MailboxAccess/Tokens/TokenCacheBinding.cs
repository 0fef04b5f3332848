using System.Text.Json;
using Microsoft.Identity.Client;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// Keeps an MSAL client's user token cache in a byte array: loaded before every access, captured after every
/// access that changed it. <see cref="Changed"/> is called with the new cache (for saving).
/// </summary>
internal sealed class TokenCacheBinding
{
    private byte[]? _cache;

    private TokenCacheBinding(byte[]? initial) => _cache = initial;

    /// <summary>Called after MSAL changed the cache (new tokens, rotated refresh token).</summary>
    public Func<byte[], Task>? Changed { get; set; }

    public byte[]? Current => _cache;

    public static TokenCacheBinding Attach(IConfidentialClientApplication application, byte[]? initial)
    {
        var binding = new TokenCacheBinding(initial);
        application.UserTokenCache.SetBeforeAccess(args => args.TokenCache.DeserializeMsalV3(binding._cache, shouldClearExistingCache: true));
        application.UserTokenCache.SetAfterAccessAsync(async args =>
        {
            if (!args.HasStateChanged)
            {
                return;
            }
            binding._cache = args.TokenCache.SerializeMsalV3();
            if (binding.Changed is { } changed)
            {
                await changed(binding._cache);
            }
        });
        return binding;
    }

    /// <summary>Whether the serialized cache holds a refresh token (offline_access was granted).</summary>
    public static bool HoldsRefreshToken(byte[]? cache)
    {
        if (cache is null || cache.Length == 0)
        {
            return false;
        }
        using var document = JsonDocument.Parse(cache);
        return document.RootElement.TryGetProperty("RefreshToken", out var tokens)
               && tokens.ValueKind == JsonValueKind.Object
               && tokens.EnumerateObject().Any(token => token.Value.TryGetProperty("secret", out var secret) && secret.GetString() is { Length: > 0 });
    }

    /// <summary>The home account id of <paramref name="username"/> in the serialized cache, or null.</summary>
    public static string? HomeAccountId(byte[]? cache, string username)
    {
        if (cache is null || cache.Length == 0)
        {
            return null;
        }
        using var document = JsonDocument.Parse(cache);
        if (!document.RootElement.TryGetProperty("Account", out var accounts) || accounts.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        return accounts.EnumerateObject()
            .Select(account => account.Value)
            .Where(account => account.TryGetProperty("username", out var name) && string.Equals(name.GetString(), username, StringComparison.OrdinalIgnoreCase))
            .Select(account => account.TryGetProperty("home_account_id", out var id) ? id.GetString() : null)
            .FirstOrDefault(id => id is not null);
    }
}
