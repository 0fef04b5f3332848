using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using FlexMail.Domain.MailboxAccess;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>What a role signs in with: the configured user, its OAuth application, the redirect URI and the Graph scopes.</summary>
public sealed record MailboxUserSetup(
    MailboxRole Role, string UserPrincipalName, OAuthApplication Application, string RedirectUri,
    IReadOnlyList<string> GraphScopes, string AdminConsentLink);
