using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.Mail;

/// <summary>The gateway's log lines: operations and mailboxes, Graph codes and request ids; never tokens or bodies.</summary>
internal static partial class MailGatewayLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Mail gateway {Operation} on {Mailbox} succeeded")]
    public static partial void Succeeded(ILogger logger, string operation, string mailbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail sent from {Mailbox} as {From} to {RecipientCount} recipient(s)")]
    public static partial void Sent(ILogger logger, string mailbox, string from, int recipientCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail gateway {Operation} on {Mailbox} failed: {Kind} {Code} (HTTP {Status}, request id {RequestId})")]
    public static partial void Failed(ILogger logger, string operation, string mailbox, MailFailureKind kind, string? code, int? status, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail gateway {Operation} on {Mailbox} could not get an access token: AADSTS{EntraCode}")]
    public static partial void NoToken(ILogger logger, string operation, string mailbox, int? entraCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail gateway {Operation} on {Mailbox} met an unexpected error")]
    public static partial void Unexpected(ILogger logger, Exception exception, string operation, string mailbox);
}
