namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// An issued authorization code: single use, short-lived, bound to the client, the redirect URI and the PKCE
/// challenge. Only the code's SHA-256 hash is stored.
/// </summary>
public sealed class SandboxAuthorizationCode
{
    /// <summary>SHA-256 of the code, base64url.</summary>
    public required string Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid UserId { get; set; }

    public required string RedirectUri { get; set; }

    /// <summary>The scopes requested and granted, as sent (<c>openid</c>, <c>offline_access</c>, Graph scope names).</summary>
    public List<string> Scopes { get; set; } = [];

    public string? CodeChallenge { get; set; }

    public string? CodeChallengeMethod { get; set; }

    public string? Nonce { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RedeemedAt { get; set; }
}
