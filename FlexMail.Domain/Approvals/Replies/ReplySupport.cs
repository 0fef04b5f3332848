using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// What support does about a reply that decided nothing, from the Live Inbox or the API: <b>Record decision</b> (the
/// approver's answer, recorded for them with a reason), <b>Reprocess</b> (read the mail again once its cause is fixed; the
/// same row takes the new outcome) and <b>Dismiss</b>. Each checks <see cref="ReplyActions"/> again on the row as it is
/// inside its transaction — so a stale view is refused with the same words its buttons show — and writes the row, the
/// decision if any, a <see cref="ReplyEventKind.Resolved"/> event and the audit entry together, or nothing.
/// </summary>
public sealed class ReplySupport(IDbContextFactory<FlexMailDbContext> contexts, ApprovalDecider decider, ReplyAssessor assessor, ReplyMailReader reader,
    InstallationCodes installation, ApprovalOutbox outbox, AuditLog audit, ReplyEventSignal events, TimeProvider clock)
{
    /// <summary>Records <paramref name="decision"/> for the reply's approver (a portal decision on their behalf, <paramref name="reason"/> saying why).</summary>
    public async Task<Result<ProcessedReply>> RecordDecisionAsync(Guid replyId, DecisionKind decision, string? comment, string reason, Actor actor,
        CancellationToken cancellationToken)
    {
        if (ReplySupportProblems.CheckReason(reason) is { } invalid)
        {
            return invalid;
        }
        var seen = await LoadAsync(replyId, cancellationToken);
        if (seen is null)
        {
            return ReplySupportProblems.NotFound(replyId);
        }
        var state = seen.Actions.RecordDecision;
        if (!state.IsAvailable || seen.ApproverAddress is null)
        {
            return ReplySupportProblems.NotApplicable(state.IsAvailable ? new("The reply's approver is not one of the request's approvers.") : state);
        }
        var because = reason.Trim();
        ProcessedReply? updated = null;
        try
        {
            var decided = await decider.DecideAsync(seen.Row.ApprovalRequestId!.Value, new DecisionCommand(seen.ApproverAddress, decision, comment, because),
                ApprovalOrigin.Portal(actor), cancellationToken, (db, _, made) =>
                {
                    // The decider has checked the request and the approver in this transaction; the row's own rules are checked here.
                    var row = Reread(db, replyId, r => ReplyActions.Of(r, ApprovalStatus.Pending, approverDecided: false).RecordDecision);
                    row.Decision = decision;
                    Resolve(db, row, ReplyResolution.Decided, actor, because, made.DecidedAt, ReplySupportAudit.Decided,
                        $"Recorded {Verb(decision)} for {seen.ApproverAddress} on {ApprovalAudit.Subject(made.ApprovalRequestId)}; the outcome stays "
                        + $"{ReplyActions.Words(row.Outcome)}. Reason: {because}" + (made.Comment is { } text ? $"; comment: {text}" : ""));
                    updated = row;
                });
            if (!decided.Succeeded)
            {
                return decided.Problem;
            }
        }
        catch (ReplyRefusedException refused)
        {
            return refused.Problem;
        }
        events.Notify();
        return updated!;
    }

    /// <summary>Reads the mail again and stores what it says now on the same row; an Approve or Reject is decided as the approver's reply.</summary>
    public async Task<Result<ProcessedReply>> ReprocessAsync(Guid replyId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        if (ReplySupportProblems.CheckReason(reason) is { } invalid)
        {
            return invalid;
        }
        var seen = await LoadAsync(replyId, cancellationToken);
        if (seen is null)
        {
            return ReplySupportProblems.NotFound(replyId);
        }
        if (!seen.Actions.Reprocess.IsAvailable)
        {
            return ReplySupportProblems.NotApplicable(seen.Actions.Reprocess);
        }
        var read = await reader.ReadAsync(seen.Row.GraphMessageId, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Problem;
        }
        var assessment = await assessor.AssessAsync(read.Value.Message, await installation.GetAsync(cancellationToken), cancellationToken);
        if (assessment.NotOurs)
        {
            return ReplySupportProblems.NotAReply();
        }
        var because = reason.Trim();
        string? refusal = null;
        if (ReplyRows.DecisionOf(assessment) is (var decision, var comment) && assessment.ApprovalMail is { } mail)
        {
            var decided = await DecideAsReplyAsync(replyId, assessment, mail, decision, comment, read.Value.Answering, because, actor, cancellationToken);
            if (decided.Succeeded || decided.Problem.Code is ReplySupportProblems.NotApplicableCode or ReplySupportProblems.NotFoundCode)
            {
                return decided;
            }
            assessment = ReplyRows.Undecided(assessment, decided.Problem);
            refusal = decided.Problem.Cause;
        }
        return await ChangeAsync(replyId, r => ReplyActions.Of(r, null, approverDecided: false).Reprocess, ReplyResolution.Reprocessed, actor, because,
            ReplySupportAudit.Reprocessed, cancellationToken, row =>
            {
                var before = row.Outcome;
                row.PreviousOutcome = before;
                ReplyRows.Apply(row, assessment);
                if (refusal is not null)
                {
                    ReplyRows.AddStep(row, "decide", refusal, 0);
                }
                return Change(before, row, because);
            });
    }

    /// <summary>Marks the reply as looked at with nothing to do.</summary>
    public async Task<Result<ProcessedReply>> DismissAsync(Guid replyId, string reason, Actor actor, CancellationToken cancellationToken)
    {
        if (ReplySupportProblems.CheckReason(reason) is { } invalid)
        {
            return invalid;
        }
        var because = reason.Trim();
        return await ChangeAsync(replyId, r => ReplyActions.Of(r, null, approverDecided: false).Dismiss, ReplyResolution.Dismissed, actor, because,
            ReplySupportAudit.Dismissed, cancellationToken, row => $"Dismissed ({ReplyActions.Words(row.Outcome)}). Reason: {because}");
    }

    /// <summary>The actions the reply allows now, with the facts they depend on (null when there is no such reply).</summary>
    public async Task<ReplyActions?> ActionsAsync(Guid replyId, CancellationToken cancellationToken) =>
        (await LoadAsync(replyId, cancellationToken))?.Actions;

    private async Task<Result<ProcessedReply>> DecideAsReplyAsync(Guid replyId, ReplyAssessment assessment, ApprovalMail mail, DecisionKind decision,
        string? comment, ReplyAnswering answering, string because, Actor actor, CancellationToken cancellationToken)
    {
        ProcessedReply? updated = null;
        var answered = false;
        try
        {
            var decided = await decider.DecideAsync(mail.ApprovalRequestId, new DecisionCommand(mail.Recipient, decision, comment),
                ApprovalOrigin.Email(mail.Recipient), cancellationToken, (db, request, made) =>
                {
                    var row = Reread(db, replyId, r => ReplyActions.Of(r, null, approverDecided: false).Reprocess);
                    var before = row.Outcome;
                    row.PreviousOutcome = before;
                    ReplyRows.Apply(row, assessment);
                    row.Decision = decision;
                    ReplyRows.AddStep(row, "decide", ReplyRows.DecidedStep(decision, request), 0);
                    if (answering.Confirmations)
                    {
                        var (subject, text) = ReplyAnswers.Confirmation(request.Title, decision, made.Comment, made.DecidedAt);
                        row.AnswerMailId = outbox.StageReplyAnswer(db, request.Id, made.ApproverId, mail.Recipient, subject, text, made.DecidedAt).Id;
                        answered = true;
                    }
                    Resolve(db, row, ReplyResolution.Reprocessed, actor, because, made.DecidedAt, ReplySupportAudit.Reprocessed, Change(before, row, because));
                    updated = row;
                });
            if (!decided.Succeeded)
            {
                return decided.Problem;
            }
        }
        catch (ReplyRefusedException refused)
        {
            return refused.Problem;
        }
        if (answered)
        {
            outbox.Committed();
        }
        events.Notify();
        return updated!;
    }

    /// <summary>
    /// Changes the row in a transaction that first takes the row's write lock, so that a second action on the same reply
    /// waits for this one and then sees its change (and is refused by <paramref name="rule"/>).
    /// </summary>
    private async Task<Result<ProcessedReply>> ChangeAsync(Guid replyId, Func<ProcessedReply, ReplyActionState> rule, ReplyResolution resolution, Actor actor,
        string because, string action, CancellationToken cancellationToken, Func<ProcessedReply, string> change)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ProcessedReplies.Where(r => r.Id == replyId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, r => r.ResolvedAt), cancellationToken);
        var row = claimed == 0 ? null : await db.ProcessedReplies.SingleAsync(r => r.Id == replyId, cancellationToken);
        if (row is null)
        {
            return ReplySupportProblems.NotFound(replyId);
        }
        if (rule(row) is { IsAvailable: false } state)
        {
            return ReplySupportProblems.NotApplicable(state);
        }
        var details = change(row);
        Resolve(db, row, resolution, actor, because, clock.GetUtcNow(), action, details);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Notify();
        return row;
    }

    private void Resolve(FlexMailDbContext db, ProcessedReply row, ReplyResolution resolution, Actor actor, string because, DateTimeOffset at,
        string action, string details)
    {
        row.Resolution = resolution;
        row.ResolvedBy = actor.Name;
        row.ResolvedAt = at;
        row.ResolutionReason = because;
        db.ReplyEvents.Add(ReplyEvent.For(ReplyEventKind.Resolved, row, at));
        audit.Stage(db, actor, action, ReplySupportAudit.Subject(row.Id), details);
    }

    /// <summary>
    /// The row as it is in the decider's transaction (its hook is synchronous, hence the synchronous read); a rule that no
    /// longer holds stops the transaction before anything is written.
    /// </summary>
    private static ProcessedReply Reread(FlexMailDbContext db, Guid replyId, Func<ProcessedReply, ReplyActionState> rule)
    {
        var row = db.ProcessedReplies.SingleOrDefault(r => r.Id == replyId) ?? throw new ReplyRefusedException(ReplySupportProblems.NotFound(replyId));
        return rule(row) is { IsAvailable: false } state ? throw new ReplyRefusedException(ReplySupportProblems.NotApplicable(state)) : row;
    }

    private async Task<Seen?> LoadAsync(Guid replyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ProcessedReplies.AsNoTracking().SingleOrDefaultAsync(r => r.Id == replyId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var status = row.ApprovalRequestId is { } requestId
            ? await db.ApprovalRequests.Where(r => r.Id == requestId).Select(r => (ApprovalStatus?)r.Status).SingleOrDefaultAsync(cancellationToken)
            : null;
        var address = row.ApproverId is { } approverId && row.ApprovalRequestId is { } request
            ? await db.ApprovalApprovers.Where(a => a.Id == approverId && a.ApprovalRequestId == request).Select(a => a.Address).SingleOrDefaultAsync(cancellationToken)
            : null;
        var decided = row.ApproverId is { } approver
            && await db.ApprovalDecisions.AnyAsync(d => d.ApprovalRequestId == row.ApprovalRequestId && d.ApproverId == approver, cancellationToken);
        return new Seen(row, address, ReplyActions.Of(row, status, decided));
    }

    private static string Change(ReplyOutcome before, ProcessedReply row, string because) =>
        $"Outcome {ReplyActions.Words(before)} → {ReplyActions.Words(row.Outcome)} ({row.Reason}). Reason: {because}";

    private static string Verb(DecisionKind decision) => decision == DecisionKind.Approve ? "approve" : "reject";

    private sealed record Seen(ProcessedReply Row, string? ApproverAddress, ReplyActions Actions);

    /// <summary>Stops the decider's transaction when the row no longer allows the action.</summary>
    private sealed class ReplyRefusedException(Problem problem) : Exception(problem.Cause)
    {
        public Problem Problem { get; } = problem;
    }
}
