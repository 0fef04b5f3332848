namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>A saved authorization as the portal shows it (no token material).</summary>
public sealed record MailboxAuthorizationState(
    Guid OAuthApplicationId,
    string UserPrincipalName,
    AuthorizationStatus Status,
    string? StatusReason,
    DateTimeOffset? AuthorizedAt,
    string? AuthorizedBy,
    DateTimeOffset? LastRefreshedAt,
    IReadOnlyList<string> GrantedScopes);
