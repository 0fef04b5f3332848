using System.Text.Json;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies.Parsing;
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
    private const int TextCap = 4000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProcessedReply> RecordAsync(MailMessage message, string messageKey, ReplyAssessment assessment, ReplyAnswering answering,
        CancellationToken cancellationToken)
    {
        var row = NewRow(message, messageKey, assessment);
        if (assessment.Outcome is ReplyOutcome.Approved or ReplyOutcome.Rejected && assessment.ApprovalMail is { } mail)
        {
            var decision = assessment.Outcome == ReplyOutcome.Approved ? DecisionKind.Approve : DecisionKind.Reject;
            var comment = Cap(assessment.Parsed?.Comment, ApprovalLimits.CommentLength);
            var started = clock.GetUtcNow();
            var decided = await decider.DecideAsync(mail.ApprovalRequestId, new DecisionCommand(mail.Recipient, decision, comment),
                ApprovalOrigin.Email(mail.Recipient), cancellationToken, (db, request, made) =>
                {
                    row.Decision = decision;
                    row.ProcessedAt = made.DecidedAt;
                    AddStep(row, "decide", $"{(decision == DecisionKind.Approve ? "Approve" : "Reject")} recorded; the request is {request.Status.ToString().ToLowerInvariant()}.",
                        Since(started));
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
            row = NewRow(message, messageKey, assessment with
            {
                Outcome = decided.Problem!.Code == ApprovalProblems.NotAnApproverCode ? ReplyOutcome.Refused : ReplyOutcome.Late,
                Reason = decided.Problem.Cause,
                OwesAnswer = true,
            });
            AddStep(row, "decide", decided.Problem.Cause, Since(started));
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
        var normalized = sender.Trim().ToLowerInvariant();
        return db.ProcessedReplies.CountAsync(r => r.Sender != null && r.Sender.ToLower() == normalized && r.ProcessedAt >= since && r.AnswerMailId != null
            && r.Outcome != ReplyOutcome.Approved && r.Outcome != ReplyOutcome.Rejected, cancellationToken);
    }

    private static ProcessedReply NewRow(MailMessage message, string messageKey, ReplyAssessment assessment)
    {
        var parsed = assessment.Parsed;
        return new ProcessedReply
        {
            MessageKey = messageKey,
            InternetMessageId = Cap(message.InternetMessageId, ApprovalLimits.InternetMessageIdLength),
            GraphMessageId = message.Id,
            Sender = message.From?.Address,
            SenderName = message.From?.Name,
            Subject = Cap(message.Subject, 1000),
            ReceivedAt = message.ReceivedDateTime,
            Outcome = assessment.Outcome,
            Reason = Cap(assessment.Reason, TextCap)!,
            ApprovalRequestId = assessment.ApprovalMail?.ApprovalRequestId ?? assessment.RequestId,
            ApproverId = assessment.ApprovalMail?.ApproverId ?? assessment.ApproverId,
            ApprovalMailId = assessment.ApprovalMail?.Id,
            MatchedBy = assessment.MatchedBy,
            Comment = Cap(parsed?.Decision == ReplyDecision.None ? null : parsed?.Comment, ApprovalLimits.CommentLength),
            DecisiveLine = Cap(parsed?.DecisiveLine, 1000),
            OwnText = Cap(parsed?.OwnText, TextCap),
            QuotedText = Cap(parsed?.QuotedText, TextCap),
            StepsJson = JsonSerializer.Serialize(assessment.Steps, Json),
            HeadersJson = JsonSerializer.Serialize(ReplyHeaders.Mattering(message), Json),
            Removal = assessment.Outcome == ReplyOutcome.Foreign ? ReplyRemoval.Left : ReplyRemoval.Pending,
        };
    }

    private double Since(DateTimeOffset started) => Math.Round((clock.GetUtcNow() - started).TotalMilliseconds, 2);

    private static void AddStep(ProcessedReply row, string name, string verdict, double milliseconds)
    {
        var steps = JsonSerializer.Deserialize<List<ReplyStep>>(row.StepsJson, Json) ?? [];
        steps.Add(new ReplyStep(name, verdict, milliseconds));
        row.StepsJson = JsonSerializer.Serialize(steps, Json);
    }

    private static string? Cap(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>Which answer mails the settings allow: confirmations of recorded decisions, and why a reply could not be used.</summary>
public sealed record ReplyAnswering(bool Confirmations, bool Problems);
