using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using FlexMail.Domain.MailboxAccess;

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
