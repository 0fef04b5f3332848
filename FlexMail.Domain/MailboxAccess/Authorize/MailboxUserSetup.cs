using FlexMail.Domain.OAuthApps;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>What a role signs in with: the configured user, its OAuth application, the redirect URI and the Graph scopes.</summary>
public sealed record MailboxUserSetup(
    MailboxRole Role, string UserPrincipalName, OAuthApplication Application, string RedirectUri,
    IReadOnlyList<string> GraphScopes, string AdminConsentLink);
