using System.Security.Claims;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>The claims an API key's caller carries: which key it presented.</summary>
public static class ApiKeyClaims
{
    /// <summary>The id of the API key the request presented (<see cref="FlexMail.Domain.ApiKeys.ApiKey.Id"/>).</summary>
    public const string KeyId = "flexmail:api_key_id";

    /// <summary>The id of the API key the caller authenticated with; null for a bearer token or a person.</summary>
    public static Guid? KeyIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirst(KeyId)?.Value, out var id) ? id : null;
    }

    /// <summary>How the audit log and the whoami answer name a key's caller.</summary>
    public static string DisplayName(string keyName) => $"API key '{keyName}'";
}
