namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// An issued refresh token. Each use returns a new one (rotation); as in Entra, the old one stays usable until it
/// expires from inactivity (AADSTS700082) or the user's sessions are revoked (AADSTS50173). Only the hash is stored.
/// </summary>
public sealed class SandboxRefreshToken
{
    /// <summary>SHA-256 of the token, base64url.</summary>
    public required string Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid UserId { get; set; }

    public List<string> Scopes { get; set; } = [];

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
