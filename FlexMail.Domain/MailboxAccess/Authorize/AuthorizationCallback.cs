using System.Security.Cryptography;
using System.Text;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using FlexMail.Domain.MailboxAccess;

namespace FlexMail.Domain.MailboxAccess.Authorize;

/// <summary>What Entra ID sent back to the callback.</summary>
public sealed record AuthorizationCallback(string? State, string? Code, string? Error, string? ErrorDescription);
