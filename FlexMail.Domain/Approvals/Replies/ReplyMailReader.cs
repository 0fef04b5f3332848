using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Settings;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Reads a processed reply's mail again by its immutable Graph id (it keeps it when moved to the processed folder), with
/// the saved incoming connection and the settings' reply mailbox, as the monitor read it.
/// </summary>
public sealed class ReplyMailReader(EmailSettingsService settings, MailboxConnections connections, MailGatewayFactory gateways, GraphRequestPacer pacer)
{
    public async Task<Result<ReplyMailRead>> ReadAsync(string graphMessageId, CancellationToken cancellationToken)
    {
        var draft = await settings.GetDraftAsync(cancellationToken);
        if (!draft.EmailApprovalEnabled)
        {
            return new Problem("EmailApprovalOff", "Email approval is off in Email Settings, so FlexMail reads no replies.",
                "Turn Email Approval on in Email Settings, or use Record decision with the approver's answer.");
        }
        var connection = await connections.ForRoleAsync(MailboxRole.Incoming, cancellationToken);
        if (!connection.Succeeded)
        {
            return connection.Problem;
        }
        using var mailboxConnection = connection.Value;
        using var gateway = gateways.Create(mailboxConnection.Cloud, mailboxConnection.Tokens);
        var read = await pacer.RunAsync(ct => gateway.GetMessageAsync(draft.EffectiveReplyMailbox, graphMessageId, includeHeaders: true, ct), cancellationToken);
        if (read.Problem is MailFailure { Kind: MailFailureKind.ItemNotFound })
        {
            return ReplySupportProblems.MailGone();
        }
        if (!read.Succeeded)
        {
            if (read.Problem is MailFailure { RetryAfter: { } until })
            {
                pacer.HoldUntil(until);
            }
            return read.Problem;
        }
        return new ReplyMailRead(read.Value, new ReplyAnswering(draft.SendReplyConfirmations, draft.SendReplyAnswers));
    }
}

/// <summary>The mail as read again, and which answer mails the settings allow.</summary>
public sealed record ReplyMailRead(MailMessage Message, ReplyAnswering Answering);
