namespace FlexMail.Domain.MailboxAccess;

/// <summary>
/// A mailbox user's delegated authorization: who signed in, with which scopes, and the MSAL token
/// cache that keeps the tokens alive (protected at rest).
/// </summary>
public sealed class MailboxAuthorization
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public MailboxRole Role { get; set; }

    public Guid OAuthApplicationId { get; set; }

    public required string UserPrincipalName { get; set; }

    public AuthorizationStatus Status { get; set; } = AuthorizationStatus.NotAuthorized;

    /// <summary>Why the authorization needs attention, in plain words (with the Entra error code).</summary>
    public string? StatusReason { get; set; }

    public string? GrantedScopes { get; set; }

    /// <summary>The serialized MSAL token cache, protected by <see cref="Security.ISecretProtector"/>.</summary>
    public string? ProtectedTokenCache { get; set; }

    public DateTimeOffset? AuthorizedAt { get; set; }

    public string? AuthorizedBy { get; set; }

    /// <summary>The object id of the signed-in person who authorized (<see cref="AuthorizedBy"/> is their name).</summary>
    public string? AuthorizedById { get; set; }

    public DateTimeOffset? LastRefreshedAt { get; set; }

    /// <summary>Changes on every write, so two portal instances never overwrite each other's cache.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>True when the saved sign-in is another account's than the user the settings name now.</summary>
    public static bool IsForAnotherUser(string authorizedUser, string configuredUser) =>
        configuredUser.Trim().Length > 0 && !Validation.Formats.SameAddress(authorizedUser, configuredUser);

    /// <summary>True when the saved sign-in went through another OAuth application than the one the settings name now.</summary>
    public static bool IsThroughAnotherApplication(Guid authorizedApplicationId, Guid? configuredApplicationId) =>
        configuredApplicationId is { } configured && authorizedApplicationId != configured;

    /// <summary>True when a status reason ("cause (AADSTSnnn)", as the token sources store it) names one of <paramref name="codes"/>.</summary>
    public static bool StoppedBy(string? statusReason, IEnumerable<int> codes) =>
        statusReason is not null && codes.Any(code => statusReason.Contains($"(AADSTS{code})", StringComparison.Ordinal));
}
