using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// Records an approver's decision and, when the policy says so, the request's outcome, in one transaction. The
/// unique index (request, approver) and the request's concurrency stamp make each happen once even when two paths
/// (a reply and the API, two instances) decide at the same moment; the loser is answered why.
/// </summary>
public sealed class ApprovalDecider(IDbContextFactory<FlexMailDbContext> contexts, ApprovalClosing closing, AuditLog audit, TimeProvider clock)
{
    private const int ConcurrencyRetries = 5;

    /// <summary>
    /// Records the decision; <paramref name="alongside"/> stages more rows in the same transaction (the reply monitor's
    /// processed-reply row and its confirmation), so that they are written together with the decision or not at all.
    /// </summary>
    public async Task<Result<DecisionView>> DecideAsync(Guid requestId, DecisionCommand command, ApprovalOrigin origin, CancellationToken cancellationToken,
        Action<FlexMailDbContext, ApprovalRequest, ApprovalDecision>? alongside = null)
    {
        if (origin.Via == DecisionVia.Portal && string.IsNullOrWhiteSpace(command.OnBehalfReason))
        {
            return ApprovalProblems.ReasonRequired();
        }
        if (command.Comment is { Length: > ApprovalLimits.CommentLength })
        {
            return new Problem("CommentTooLong", $"The comment is longer than {ApprovalLimits.CommentLength} characters.", "Shorten the comment.",
                ApprovalFields.Comment);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryDecideAsync(requestId, command, origin, alongside, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyRetries)
            {
                // Another decision changed the request meanwhile: look again with its outcome.
            }
            catch (DbUpdateException) when (attempt < ConcurrencyRetries)
            {
                // The unique index refused a second decision of this approver: the next look answers AlreadyDecided.
            }
        }
    }

    private async Task<Result<DecisionView>> TryDecideAsync(Guid requestId, DecisionCommand command, ApprovalOrigin origin,
        Action<FlexMailDbContext, ApprovalRequest, ApprovalDecision>? alongside, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ApprovalRequests.Include(r => r.Approvers).Include(r => r.Decisions)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return ApprovalProblems.NotFound(requestId);
        }
        var approver = request.Approvers.FirstOrDefault(a => a.NormalizedAddress == ApprovalApprover.Normalize(command.Approver ?? ""));
        if (approver is null)
        {
            return ApprovalProblems.NotAnApprover(command.Approver ?? "");
        }
        if (request.Status == ApprovalStatus.Pending && request.ExpiresAt <= now)
        {
            // Due but not yet expired by the worker: it takes no decision, and expires now.
            await closing.StageAsync(db, request, ApprovalStatus.Expired, $"No decision by {request.ExpiresAt:u}.", Actor.System, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            closing.Committed();
            return ApprovalProblems.Closed(request);
        }
        if (request.IsClosed)
        {
            return ApprovalProblems.Closed(request);
        }
        if (request.Decisions.FirstOrDefault(d => d.ApproverId == approver.Id) is { } earlier)
        {
            return ApprovalProblems.AlreadyDecided(approver.Address, earlier.Decision);
        }

        var decision = new ApprovalDecision
        {
            ApprovalRequestId = request.Id,
            ApproverId = approver.Id,
            Decision = command.Decision,
            Comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim(),
            DecidedAt = now,
            Via = origin.Via,
            RecordedBy = origin.Via == DecisionVia.Email ? approver.Address : origin.Actor.Name,
            RecordedById = origin.Actor.ObjectId,
            OnBehalfReason = string.IsNullOrWhiteSpace(command.OnBehalfReason) ? null : command.OnBehalfReason.Trim(),
        };
        // In the loaded collection first (the policy counts it), then marked new explicitly: found only through the
        // navigation, a new entity with its key already set would be taken for an existing row. Adding it to the context
        // first would make EF's fix-up put it in the collection, and the line after would count it twice.
        request.Decisions.Add(decision);
        db.ApprovalDecisions.Add(decision);
        request.ConcurrencyStamp = Guid.NewGuid();
        audit.Stage(db, origin.Actor, ApprovalAudit.Decided, ApprovalAudit.Subject(request.Id), Describe(approver, decision));
        var outcome = ApprovalPolicies.Outcome(request);
        if (outcome is { } status)
        {
            await closing.StageAsync(db, request, status, ClosedReason(approver, decision, request), origin.Actor, now, cancellationToken);
        }
        alongside?.Invoke(db, request, decision);
        await db.SaveChangesAsync(cancellationToken);
        if (outcome is not null)
        {
            closing.Committed();
        }
        return new DecisionView(approver.Address, decision.Decision, decision.Comment, decision.DecidedAt, decision.Via, decision.RecordedBy, decision.OnBehalfReason);
    }

    private static string Describe(ApprovalApprover approver, ApprovalDecision decision) =>
        $"{approver.Address}: {decision.Decision.ToString().ToLowerInvariant()} via {decision.Via.ToString().ToLowerInvariant()}"
        + (decision.OnBehalfReason is { } reason ? $", recorded by {decision.RecordedBy} because: {reason}" : "")
        + (decision.Comment is { } comment ? $"; comment: {comment}" : "");

    private static string ClosedReason(ApprovalApprover approver, ApprovalDecision decision, ApprovalRequest request) =>
        decision.Decision == DecisionKind.Reject
            ? $"Rejected by {approver.Address}."
            : request.Policy == ApprovalPolicy.Quorum
                ? $"{request.RequiredApprovals} of {request.Approvers.Count} approvers approved; the last was {approver.Address}."
                : $"Approved by {approver.Address}.";
}
