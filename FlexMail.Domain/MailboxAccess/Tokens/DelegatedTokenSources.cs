using System.Security.Cryptography;
using FlexMail.Domain.Mail;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>Gets the delegated token source for the outgoing or incoming mailbox user.</summary>
public sealed class DelegatedTokenSources(
    IDbContextFactory<FlexMailDbContext> contexts, MsalClientFactory clients, MailboxUserSettings settings,
    ISecretProtector protector, TimeProvider clock, ILogger<DelegatedTokenSource> logger)
{
    public DelegatedTokenSource For(MailboxRole role) => new(role, contexts, clients, settings, protector, clock, logger);
}
