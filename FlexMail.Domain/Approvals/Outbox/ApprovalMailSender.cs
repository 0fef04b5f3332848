using FlexMail.Domain.Audit;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Approvals.Outbox;

/// <summary>
/// Works through the approval outbox with the saved outgoing connection, within the mailbox's sending limit
/// (<see cref="ApprovalOptions.MailsPerMinute"/>, counted from the mails the outbox recorded as sent in the last minute).
/// Each mail is recorded before it is sent: marked <see cref="ApprovalMailStatus.Sending"/>, written to a Graph draft
/// whose id and internetMessageId are recorded, then the draft is sent. A mail with a recorded draft (the process died,
/// or the send was refused for a while) is reconciled first: found in Sent Items → sent; its draft still a draft →
/// that draft is sent; so no mail goes out twice. A mail that stopped before its draft was recorded is written again
/// (nothing of it can have been sent; at worst an unsent draft stays behind in Drafts). Throttling and outages are retried after Retry-After or a growing
/// backoff; after <see cref="ApprovalOptions.MaxSendAttempts"/> attempts, or at once for a refusal that no retry
/// fixes (Send As denied, no permission), the mail is marked failed with Graph's cause and fix.
/// </summary>
public sealed partial class ApprovalMailSender(
    IDbContextFactory<FlexMailDbContext> contexts, MailboxConnections connections, EmailSettingsService settings, MailGatewayFactory gateways,
    ISecretProtector protector, InstallationCodes installation, AuditLog audit, IOutboxHooks hooks, IOptions<ApprovalOptions> options,
    TimeProvider clock, ILogger<ApprovalMailSender> logger)
{
    /// <summary>How long a mail stays claimed by a send in progress before another pass reconciles it.</summary>
    public static readonly TimeSpan SendingLease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(30);

    /// <summary>Sends what is due, as far as the sending limit allows; answers what it did and when more is due.</summary>
    public async Task<OutboxRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var firstDue = await NextDueAsync(cancellationToken);
        if (firstDue is null || firstDue > clock.GetUtcNow())
        {
            return OutboxRun.Nothing with { NextDue = firstDue };
        }
        var connection = await connections.ForRoleAsync(MailboxRole.Outgoing, cancellationToken);
        if (!connection.Succeeded)
        {
            var retried = await PostponeAllDueAsync(connection.Problem, cancellationToken);
            return new OutboxRun(0, retried.Retried, retried.Failed, 0, await NextDueAsync(cancellationToken));
        }
        using var mailbox = connection.Value;
        using var gateway = gateways.Create(mailbox.Cloud, mailbox.Tokens);
        var draft = await settings.GetDraftAsync(cancellationToken);
        var sender = new SendingMailbox(gateway, mailbox.User, draft.SmtpFromAddress.Trim(), draft.EffectiveReplyAddress,
            await installation.GetAsync(cancellationToken));

        var (sent, retriedCount, failed, skipped) = (0, 0, 0, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await SendingLimitReachedAsync(cancellationToken) is { } freeAt)
            {
                return new OutboxRun(sent, retriedCount, failed, skipped, freeAt);
            }
            var mail = await NextMailAsync(cancellationToken);
            if (mail is null)
            {
                break;
            }
            switch (await SendOneAsync(sender, mail, cancellationToken))
            {
                case ApprovalMailStatus.Sent: sent++; break;
                case ApprovalMailStatus.Failed: failed++; break;
                case ApprovalMailStatus.Skipped: skipped++; break;
                default: retriedCount++; break;
            }
        }
        return new OutboxRun(sent, retriedCount, failed, skipped, await NextDueAsync(cancellationToken));
    }

    private async Task<ApprovalMailStatus> SendOneAsync(SendingMailbox sender, ApprovalMail claimed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await ClaimAsync(db, claimed, cancellationToken))
        {
            // Another sender took it between our look and our claim: it is theirs.
            return ApprovalMailStatus.Sending;
        }
        var mail = await db.ApprovalMails.SingleAsync(m => m.Id == claimed.Id, cancellationToken);
        var request = await db.ApprovalRequests.AsNoTracking().Include(r => r.Approvers).Include(r => r.Decisions).AsSplitQuery()
            .SingleAsync(r => r.Id == mail.ApprovalRequestId, cancellationToken);
        if (mail.Kind is ApprovalMailKind.Request or ApprovalMailKind.Reminder && claimed.Status == ApprovalMailStatus.Queued && request.IsClosed)
        {
            mail.Status = ApprovalMailStatus.Skipped;
            mail.NextAttemptAt = null;
            mail.ProtectedToken = null;
            mail.FailureCause = $"Not sent: the request was already {request.Status.ToString().ToLowerInvariant()} when its turn came.";
            await db.SaveChangesAsync(cancellationToken);
            return mail.Status;
        }

        // A recorded draft may have gone out already (the process died after sending it): find out before sending anything.
        if (claimed.DraftId is not null && await ReconcileAsync(db, sender, mail, cancellationToken) is { } reconciled)
        {
            return reconciled;
        }
        if (mail.DraftId is null)
        {
            var composed = ApprovalMailComposer.Compose(new ApprovalMailContext(request, mail, TokenOf(mail), sender.ReplyAddress, sender.InstallationCode));
            var created = await sender.Gateway.CreateDraftAsync(sender.Mailbox, ToOutgoing(composed, mail, sender), cancellationToken);
            if (!created.Succeeded)
            {
                return await FailedAttemptAsync(db, mail, created.Problem, cancellationToken);
            }
            mail.DraftId = created.Value.Id;
            mail.InternetMessageId = created.Value.InternetMessageId;
            await db.SaveChangesAsync(cancellationToken);
            await hooks.DraftRecordedAsync(mail, cancellationToken);
        }
        return await SendDraftAsync(db, sender, mail, cancellationToken);
    }

    /// <summary>
    /// Takes the mail for this sender in one conditional UPDATE (status, attempts and due time as they were seen):
    /// of two senders that saw the same mail, exactly one gets it. The claim counts an attempt and holds the mail for
    /// <see cref="SendingLease"/>.
    /// </summary>
    private async Task<bool> ClaimAsync(FlexMailDbContext db, ApprovalMail seen, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + SendingLease;
        var claimed = await db.ApprovalMails
            .Where(m => m.Id == seen.Id && m.Status == seen.Status && m.Attempts == seen.Attempts && m.NextAttemptAt == seen.NextAttemptAt)
            .ExecuteUpdateAsync(update => update
                .SetProperty(m => m.Status, ApprovalMailStatus.Sending)
                .SetProperty(m => m.Attempts, seen.Attempts + 1)
                .SetProperty(m => m.NextAttemptAt, until), cancellationToken);
        return claimed == 1;
    }

    private async Task<ApprovalMailStatus> SendDraftAsync(FlexMailDbContext db, SendingMailbox sender, ApprovalMail mail, CancellationToken cancellationToken)
    {
        var sent = await sender.Gateway.SendDraftAsync(sender.Mailbox, mail.DraftId!, cancellationToken);
        if (!sent.Succeeded)
        {
            return await FailedAttemptAsync(db, mail, sent.Problem, cancellationToken);
        }
        await hooks.SentAsync(mail, cancellationToken);
        return await MarkSentAsync(db, mail, cancellationToken);
    }

    /// <summary>A mail with a recorded draft: sent already (in Sent Items), or its draft still waiting to be sent, or lost.</summary>
    private async Task<ApprovalMailStatus?> ReconcileAsync(FlexMailDbContext db, SendingMailbox sender, ApprovalMail mail, CancellationToken cancellationToken)
    {
        if (mail.InternetMessageId is not { } internetMessageId || mail.DraftId is null)
        {
            return null;
        }
        var found = await sender.Gateway.FindByInternetMessageIdAsync(sender.Mailbox, "sentitems", internetMessageId, cancellationToken);
        if (!found.Succeeded)
        {
            return await FailedAttemptAsync(db, mail, found.Problem, cancellationToken);
        }
        if (found.Value.Count > 0)
        {
            LogReconciledSent(logger, mail.Id);
            return await MarkSentAsync(db, mail, cancellationToken);
        }
        var draft = await sender.Gateway.GetMessageAsync(sender.Mailbox, mail.DraftId, includeHeaders: false, cancellationToken);
        if (draft.Succeeded && draft.Value.IsDraft != false)
        {
            return await SendDraftAsync(db, sender, mail, cancellationToken);
        }
        if (draft.Problem is MailFailure { Kind: MailFailureKind.ItemNotFound })
        {
            // Neither sent nor a draft any more (someone deleted the draft): write a new one.
            mail.DraftId = null;
            mail.InternetMessageId = null;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        return await FailedAttemptAsync(db, mail, draft.Problem!, cancellationToken);
    }

    private async Task<ApprovalMailStatus> MarkSentAsync(FlexMailDbContext db, ApprovalMail mail, CancellationToken cancellationToken)
    {
        mail.Status = ApprovalMailStatus.Sent;
        mail.SentAt = clock.GetUtcNow();
        mail.NextAttemptAt = null;
        mail.ProtectedToken = null;
        mail.FailureCode = mail.FailureCause = mail.FailureFix = null;
        await db.SaveChangesAsync(cancellationToken);
        LogSent(logger, mail.Id, mail.Kind, mail.Attempts);
        return mail.Status;
    }

    private async Task<ApprovalMailStatus> FailedAttemptAsync(FlexMailDbContext db, ApprovalMail mail, Problem problem, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        mail.FailureCode = problem.Code;
        mail.FailureCause = problem.Cause;
        mail.FailureFix = problem.Fix;
        var final = !IsWorthRetrying(problem) || mail.Attempts >= options.Value.MaxSendAttempts;
        if (final)
        {
            mail.Status = ApprovalMailStatus.Failed;
            mail.NextAttemptAt = null;
            mail.ProtectedToken = null;
            audit.Stage(db, Actor.System, ApprovalAudit.MailFailed, ApprovalAudit.Subject(mail.ApprovalRequestId),
                $"{mail.Kind} mail to {mail.Recipient} after {mail.Attempts} attempt(s): {problem}");
            LogFailed(logger, mail.Id, problem.Code, mail.Attempts);
        }
        else
        {
            // A recorded draft is kept: the next attempt reconciles and sends that same draft.
            mail.Status = ApprovalMailStatus.Queued;
            mail.NextAttemptAt = RetryAt(problem, mail.Attempts, now);
            LogRetry(logger, mail.Id, problem.Code, mail.Attempts, mail.NextAttemptAt.Value);
        }
        await db.SaveChangesAsync(cancellationToken);
        return final ? ApprovalMailStatus.Failed : ApprovalMailStatus.Queued;
    }

    /// <summary>The connection cannot be used at all (setup unfinished, sign-in expired): every due mail waits, counting an attempt.</summary>
    private async Task<(int Retried, int Failed)> PostponeAllDueAsync(Problem problem, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.ApprovalMails.Where(m => (m.Status == ApprovalMailStatus.Queued || m.Status == ApprovalMailStatus.Sending) && m.NextAttemptAt <= now)
            .ToListAsync(cancellationToken);
        var (retried, failed) = (0, 0);
        foreach (var mail in due)
        {
            mail.Attempts++;
            var status = await FailedAttemptAsync(db, mail, problem, cancellationToken);
            if (status == ApprovalMailStatus.Failed)
            {
                failed++;
            }
            else
            {
                retried++;
            }
        }
        return (retried, failed);
    }

    private DateTimeOffset RetryAt(Problem problem, int attempts, DateTimeOffset now)
    {
        if (problem is MailFailure { RetryAfter: { } retryAfter } && retryAfter > now)
        {
            return retryAfter;
        }
        var backoff = TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(attempts - 1, 10)));
        return now + (backoff < MaxBackoff ? backoff : MaxBackoff);
    }

    private static bool IsWorthRetrying(Problem problem) => problem switch
    {
        MailFailure failure => failure.Kind is MailFailureKind.Throttled or MailFailureKind.ServiceUnavailable or MailFailureKind.Network
            or MailFailureKind.Unexpected or MailFailureKind.TokenUnavailable or MailFailureKind.InvalidToken,
        // The saved settings give no usable connection yet: an admin can fix that while the mail waits.
        _ => problem.Code == MailboxConnections.NotUsable,
    };

    private async Task<DateTimeOffset?> SendingLimitReachedAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Window;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recent = await db.ApprovalMails.AsNoTracking().Where(m => m.SentAt > since).Select(m => m.SentAt!.Value)
            .OrderBy(sentAt => sentAt).ToListAsync(cancellationToken);
        var limit = options.Value.MailsPerMinute;
        return recent.Count < limit ? null : recent[recent.Count - limit] + Window;
    }

    private async Task<ApprovalMail?> NextMailAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApprovalMails.AsNoTracking()
            .Where(m => (m.Status == ApprovalMailStatus.Queued || m.Status == ApprovalMailStatus.Sending) && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var times = await db.ApprovalMails.AsNoTracking()
            .Where(m => (m.Status == ApprovalMailStatus.Queued || m.Status == ApprovalMailStatus.Sending) && m.NextAttemptAt != null)
            .Select(m => m.NextAttemptAt!.Value).ToListAsync(cancellationToken);
        // SQLite cannot order by DateTimeOffset: the earliest is found here (the list holds only waiting mails).
        return times.Count == 0 ? null : times.Min();
    }

    private ReplyToken? TokenOf(ApprovalMail mail) =>
        mail.ProtectedToken is { } protectedToken && ReplyTokens.FindAll(protector.Unprotect(protectedToken)) is [var token] ? token : null;

    private static OutgoingMail ToOutgoing(ComposedMail composed, ApprovalMail mail, SendingMailbox sender) => new()
    {
        From = sender.FromAddress.Length > 0 && !string.Equals(sender.FromAddress, sender.Mailbox, StringComparison.OrdinalIgnoreCase)
            ? new MailAddress(sender.FromAddress) : null,
        To = [new MailAddress(mail.Recipient)],
        ReplyTo = mail.Kind is ApprovalMailKind.ExpiryNotice or ApprovalMailKind.ReplyAnswer ? [] : [new MailAddress(sender.ReplyAddress)],
        Subject = composed.Subject,
        HtmlBody = composed.HtmlBody,
        TextBody = composed.TextBody,
        Headers = composed.Headers,
    };

    private sealed record SendingMailbox(IMailGateway Gateway, string Mailbox, string FromAddress, string ReplyAddress, string InstallationCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval mail {MailId} ({Kind}) sent after {Attempts} attempt(s)")]
    private static partial void LogSent(ILogger logger, Guid mailId, ApprovalMailKind kind, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval mail {MailId} was already sent before the interruption: recorded as sent")]
    private static partial void LogReconciledSent(ILogger logger, Guid mailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval mail {MailId} not sent ({Code}), attempt {Attempts}; next attempt at {NextAttemptAt}")]
    private static partial void LogRetry(ILogger logger, Guid mailId, string code, int attempts, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Approval mail {MailId} failed ({Code}) after {Attempts} attempt(s)")]
    private static partial void LogFailed(ILogger logger, Guid mailId, string code, int attempts);
}
