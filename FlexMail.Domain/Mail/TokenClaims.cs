using System.Text;
using System.Text.Json;

namespace FlexMail.Domain.Mail;

/// <summary>
/// What an access token says about itself (user, delegated scopes, application roles), read only to explain
/// failures: which permission is missing, for whom. Never validated, never logged; null when it cannot be read.
/// </summary>
internal sealed record TokenClaims(string? UserPrincipalName, IReadOnlySet<string> Scopes, IReadOnlySet<string> Roles)
{
    public bool IsDelegated => UserPrincipalName is not null || Scopes.Count > 0;

    public bool Carries(string permission) => (IsDelegated ? Scopes : Roles).Contains(permission);

    public static TokenClaims? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            var root = payload.RootElement;
            var user = Text(root, "upn") ?? Text(root, "preferred_username") ?? Text(root, "unique_name");
            var scopes = (Text(root, "scp") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var roles = root.TryGetProperty("roles", out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select(r => r.GetString()).OfType<string>()
                : [];
            return new TokenClaims(user, new HashSet<string>(scopes, StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(roles, StringComparer.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Base64UrlDecode(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }
}
