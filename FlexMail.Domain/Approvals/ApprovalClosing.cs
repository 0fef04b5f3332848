using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// Ends a pending request, in the caller's transaction: its status, when and why, the audit event, the callback owed
/// and, when it expired, the notice to the requester. The request's concurrency stamp makes a second closer fail.
/// </summary>
public sealed class ApprovalClosing(AuditLog audit, WebhookOutbox webhooks, ApprovalOutbox outbox)
{
    public async Task StageAsync(FlexMailDbContext db, ApprovalRequest request, ApprovalStatus status, string reason, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        request.Status = status;
        request.ClosedAt = now;
        request.ClosedReason = reason;
        request.ConcurrencyStamp = Guid.NewGuid();
        var action = status switch
        {
            ApprovalStatus.Approved => ApprovalAudit.Approved,
            ApprovalStatus.Rejected => ApprovalAudit.Rejected,
            ApprovalStatus.Expired => ApprovalAudit.Expired,
            _ => ApprovalAudit.Cancelled,
        };
        audit.Stage(db, actor, action, ApprovalAudit.Subject(request.Id), reason);
        if (status == ApprovalStatus.Expired && !string.IsNullOrWhiteSpace(request.RequesterEmail))
        {
            outbox.StageExpiryNotice(db, request, now);
        }
        var mails = await db.ApprovalMails.AsNoTracking().Where(mail => mail.ApprovalRequestId == request.Id).ToListAsync(cancellationToken);
        webhooks.StageIfWanted(db, ApprovalViewBuilder.Build(request, mails), now);
    }

    /// <summary>Wakes the workers once the closing transaction has committed.</summary>
    public void Committed()
    {
        webhooks.Committed();
        outbox.Committed();
    }
}
