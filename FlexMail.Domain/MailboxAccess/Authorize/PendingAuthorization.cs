namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>
/// An Authorize that was started and not finished yet: the one-time <c>state</c> (stored hashed), the PKCE verifier
/// (protected), the browser it was started in (hashed cookie value), and where to send the admin back.
/// </summary>
public sealed class PendingAuthorization
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>SHA-256 (hex) of the <c>state</c> sent to Entra ID.</summary>
    public required string StateHash { get; set; }

    /// <summary>SHA-256 (hex) of the browser-binding cookie set when the sign-in was started.</summary>
    public required string BrowserBindingHash { get; set; }

    public MailboxRole Role { get; set; }

    public Guid OAuthApplicationId { get; set; }

    public required string UserPrincipalName { get; set; }

    /// <summary>The scopes requested, space separated.</summary>
    public required string RequestedScopes { get; set; }

    public required string RedirectUri { get; set; }

    /// <summary>The PKCE code verifier, protected by <see cref="Security.ISecretProtector"/>.</summary>
    public required string ProtectedCodeVerifier { get; set; }

    /// <summary>The display name of the signed-in person who clicked Authorize.</summary>
    public string StartedBy { get; set; } = "";

    /// <summary>Their object id in the sign-in tenant.</summary>
    public string? StartedById { get; set; }

    /// <summary>A local path of the portal.</summary>
    public required string ReturnUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when the callback used the state: a state is used once.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
