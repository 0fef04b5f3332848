using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals;

/// <summary>Cancels requests, expires due ones, and queues reminders to the approvers who have not answered.</summary>
public sealed class ApprovalLifecycle(
    IDbContextFactory<FlexMailDbContext> contexts, ApprovalClosing closing, ApprovalOutbox outbox, InstallationCodes installation, AuditLog audit,
    TimeProvider clock)
{
    /// <summary>Requests expired per pass (the worker runs passes until none is due).</summary>
    public const int ExpiryBatchSize = 100;

    private const int ConcurrencyRetries = 5;

    public async Task<Result> CancelAsync(Guid requestId, string? reason, ApprovalOrigin origin, CancellationToken cancellationToken)
    {
        if (reason is { Length: > ApprovalLimits.ReasonLength })
        {
            return new Problem("ReasonTooLong", $"The reason is longer than {ApprovalLimits.ReasonLength} characters.", "Shorten the reason.", ApprovalFields.Reason);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCancelAsync(requestId, reason, origin, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyRetries)
            {
                // Changed meanwhile (closed, or a decision that did not close it): look again.
            }
        }
    }

    private async Task<Result> TryCancelAsync(Guid requestId, string? reason, ApprovalOrigin origin, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ApprovalRequests.Include(r => r.Approvers).Include(r => r.Decisions).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return Result.Failure(ApprovalProblems.NotFound(requestId));
        }
        if (request.IsClosed)
        {
            return Result.Failure(ApprovalProblems.Closed(request));
        }
        var why = string.IsNullOrWhiteSpace(reason) ? $"Cancelled by {origin.Actor.Name}." : $"Cancelled by {origin.Actor.Name}: {reason.Trim()}";
        await closing.StageAsync(db, request, ApprovalStatus.Cancelled, why, origin.Actor, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        closing.Committed();
        return Result.Done;
    }

    /// <summary>Expires the requests whose expiry has passed; answers how many it expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dueIds = await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.Status == ApprovalStatus.Pending && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt).Select(r => r.Id).Take(ExpiryBatchSize).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var id in dueIds)
        {
            await using var one = await contexts.CreateDbContextAsync(cancellationToken);
            var request = await one.ApprovalRequests.Include(r => r.Approvers).Include(r => r.Decisions).AsSplitQuery()
                .SingleAsync(r => r.Id == id, cancellationToken);
            if (request.IsClosed)
            {
                continue;
            }
            await closing.StageAsync(one, request, ApprovalStatus.Expired, ExpiredReason(request), Actor.System, now, cancellationToken);
            try
            {
                await one.SaveChangesAsync(cancellationToken);
                expired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Decided (or expired by another instance) at the same moment: its outcome stands.
            }
        }
        if (expired > 0)
        {
            closing.Committed();
        }
        return expired;
    }

    /// <summary>
    /// Queues a reminder (a new mail with its own reply token) to one approver, or to every approver who has not
    /// decided when <paramref name="approver"/> is null; answers the approvers reminded.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> RemindAsync(Guid requestId, string? approver, ApprovalOrigin origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ApprovalRequests.Include(r => r.Approvers).Include(r => r.Decisions).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return ApprovalProblems.NotFound(requestId);
        }
        if (!request.IsClosed && request.ExpiresAt <= now)
        {
            // Due but not yet expired by the worker: no reminder, it expires now (and the answer says so).
            await closing.StageAsync(db, request, ApprovalStatus.Expired, ExpiredReason(request), Actor.System, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                closing.Committed();
            }
            catch (DbUpdateConcurrencyException)
            {
                // Closed by someone else at the same moment: its outcome stands.
                await using var again = await contexts.CreateDbContextAsync(cancellationToken);
                request = await again.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
            }
            return ApprovalProblems.Closed(request);
        }
        if (request.IsClosed)
        {
            return ApprovalProblems.Closed(request);
        }
        var undecided = request.Approvers.Where(a => request.Decisions.All(d => d.ApproverId != a.Id)).OrderBy(a => a.Position).ToList();
        if (approver is not null)
        {
            var named = request.Approvers.FirstOrDefault(a => a.NormalizedAddress == ApprovalApprover.Normalize(approver));
            if (named is null)
            {
                return ApprovalProblems.NotAnApprover(approver);
            }
            if (!undecided.Contains(named))
            {
                var earlier = request.Decisions.First(d => d.ApproverId == named.Id);
                return ApprovalProblems.AlreadyDecided(named.Address, earlier.Decision);
            }
            undecided = [named];
        }
        if (undecided.Count == 0)
        {
            return new Problem("NobodyToRemind", "Every approver has already decided.", "Nothing to do.");
        }
        var code = await installation.GetAsync(cancellationToken);
        foreach (var one in undecided)
        {
            outbox.StageApprovalMail(db, request, one, ApprovalMailKind.Reminder, code, now);
        }
        var reminded = undecided.Select(a => a.Address).ToList();
        audit.Stage(db, origin.Actor, ApprovalAudit.ReminderQueued, ApprovalAudit.Subject(request.Id),
            $"Reminder to {string.Join(", ", reminded)} via {origin.Via.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
        outbox.Committed();
        return reminded;
    }

    private static string ExpiredReason(ApprovalRequest request) =>
        $"Expired at {request.ExpiresAt:u}: " + (request.Decisions.Count == 0 ? "no approver answered." : $"{request.Decisions.Count} of {request.RequiredApprovals} approvals needed came.");
}
