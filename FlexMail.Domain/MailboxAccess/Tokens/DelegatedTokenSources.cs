using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>Gets the delegated token source for the outgoing or incoming mailbox user.</summary>
public sealed class DelegatedTokenSources(
    IDbContextFactory<FlexMailDbContext> contexts, MsalClientFactory clients, MailboxUserSettings settings,
    ISecretProtector protector, TimeProvider clock, ILogger<DelegatedTokenSource> logger)
{
    public DelegatedTokenSource For(MailboxRole role) => new(role, contexts, clients, settings, protector, clock, logger);
}
