using System.Text.Json;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Mail;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Writes what the monitor made of a mail: the processed-reply row, the decision (through <see cref="ApprovalDecider"/>,
/// in the same transaction) and the answer mail the sender is owed, all or nothing. The row's unique
/// <see cref="ProcessedReply.MessageKey"/> makes a second writer (after a crash, another instance) find the first one's row
/// instead of deciding again.
/// </summary>
public sealed class ReplyRecorder(IDbContextFactory<FlexMailDbContext> contexts, ApprovalDecider decider, ApprovalOutbox outbox,
    IOptions<ReplyMonitorOptions> options, ReplyEventSignal events, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProcessedReply> RecordAsync(MailMessage message, string messageKey, ReplyAssessment assessment, ReplyAnswering answering,
        CancellationToken cancellationToken)
    {
        var row = NewRow(message, messageKey, assessment);
        if (ReplyRows.DecisionOf(assessment) is (var decision, var comment) && assessment.ApprovalMail is { } mail)
        {
            var started = clock.GetUtcNow();
            var decided = await decider.DecideAsync(mail.ApprovalRequestId, new DecisionCommand(mail.Recipient, decision, comment),
                ApprovalOrigin.Email(mail.Recipient), cancellationToken, (db, request, made) =>
                {
                    row.Decision = decision;
                    row.ProcessedAt = made.DecidedAt;
                    ReplyRows.AddStep(row, "decide", ReplyRows.DecidedStep(decision, request), Since(started));
                    db.ProcessedReplies.Add(row);
                    db.ReplyEvents.Add(ReplyEvent.For(ReplyEventKind.Recorded, row, made.DecidedAt));
                    if (answering.Confirmations)
                    {
                        var (subject, text) = ReplyAnswers.Confirmation(request.Title, decision, made.Comment, made.DecidedAt);
                        row.AnswerMailId = outbox.StageReplyAnswer(db, request.Id, made.ApproverId, mail.Recipient, subject, text, made.DecidedAt).Id;
                    }
                });
            if (decided.Succeeded)
            {
                outbox.Committed();
                events.Notify();
                return row;
            }
            row = NewRow(message, messageKey, ReplyRows.Undecided(assessment, decided.Problem!));
            ReplyRows.AddStep(row, "decide", decided.Problem.Cause, Since(started));
        }
        var owed = assessment.OwesAnswer || row.Outcome == ReplyOutcome.Late;
        return await RecordOutcomeAsync(row, owed ? message.From?.Address : null, answering, cancellationToken);
    }

    private async Task<ProcessedReply> RecordOutcomeAsync(ProcessedReply row, string? answerTo, ReplyAnswering answering, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        row.ProcessedAt = now;
        if (answering.Problems && answerTo is not null && row.ApprovalRequestId is { } requestId
            && await db.ApprovalRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Title).SingleOrDefaultAsync(cancellationToken) is { } title
            && ReplyAnswers.Problem(title, row.Outcome, row.Reason) is var (subject, text)
            && await AnswersInLastHourAsync(db, answerTo, now, cancellationToken) < options.Value.AnswersPerSenderPerHour)
        {
            row.AnswerMailId = outbox.StageReplyAnswer(db, requestId, row.ApproverId, answerTo, subject, text, now).Id;
        }
        db.ProcessedReplies.Add(row);
        db.ReplyEvents.Add(ReplyEvent.For(ReplyEventKind.Recorded, row, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer recorded this mail first: its row stands.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            return await again.ProcessedReplies.AsNoTracking().SingleAsync(r => r.MessageKey == row.MessageKey, cancellationToken);
        }
        if (row.AnswerMailId is not null)
        {
            outbox.Committed();
        }
        events.Notify();
        return row;
    }

    /// <summary>"Could not be used" answers this sender got in the last hour: processed replies of theirs that were answered but decided nothing.</summary>
    private static Task<int> AnswersInLastHourAsync(FlexMailDbContext db, string sender, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddHours(-1);
        var key = ProcessedReply.SenderKeyOf(sender);
        return db.ProcessedReplies.CountAsync(r => r.SenderKey == key && r.ProcessedAt >= since && r.AnswerMailId != null
            && r.Outcome != ReplyOutcome.Approved && r.Outcome != ReplyOutcome.Rejected, cancellationToken);
    }

    private static ProcessedReply NewRow(MailMessage message, string messageKey, ReplyAssessment assessment)
    {
        var row = new ProcessedReply
        {
            MessageKey = messageKey,
            InternetMessageId = ReplyRows.Cap(message.InternetMessageId, ApprovalLimits.InternetMessageIdLength),
            GraphMessageId = message.Id,
            Sender = message.From?.Address,
            SenderName = message.From?.Name,
            Subject = ReplyRows.Cap(message.Subject, 1000),
            ReceivedAt = message.ReceivedDateTime,
            Reason = "",
            HeadersJson = JsonSerializer.Serialize(ReplyHeaders.Mattering(message), Json),
            Removal = assessment.Outcome == ReplyOutcome.Foreign ? ReplyRemoval.Left : ReplyRemoval.Pending,
        };
        ReplyRows.Apply(row, assessment);
        return row;
    }

    private double Since(DateTimeOffset started) => Math.Round((clock.GetUtcNow() - started).TotalMilliseconds, 2);
}

/// <summary>Which answer mails the settings allow: confirmations of recorded decisions, and why a reply could not be used.</summary>
public sealed record ReplyAnswering(bool Confirmations, bool Problems);
