using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals;

/// <summary>Reads approval requests for the API, the portal's pages and the dashboard (no tracking, paged in SQL).</summary>
public sealed class ApprovalQueries(IDbContextFactory<FlexMailDbContext> contexts, TimeProvider clock)
{
    public async Task<ApprovalView?> GetViewAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await LoadAsync(db, id, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var mails = await db.ApprovalMails.AsNoTracking().Where(m => m.ApprovalRequestId == id).ToListAsync(cancellationToken);
        return ApprovalViewBuilder.Build(request, mails);
    }

    public async Task<ApprovalDetails?> GetDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await LoadAsync(db, id, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var mails = await db.ApprovalMails.AsNoTracking().Where(m => m.ApprovalRequestId == id).ToListAsync(cancellationToken);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog).Where(d => d.ApprovalRequestId == id)
            .ToListAsync(cancellationToken);
        var subject = ApprovalAudit.Subject(id);
        var trail = await db.AuditEvents.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return new ApprovalDetails(
            ApprovalViewBuilder.Build(request, mails),
            [.. mails.OrderBy(m => m.CreatedAt).ThenBy(m => m.Recipient).Select(m => new ApprovalMailRow(m.Id, m.Kind, m.Recipient, m.Status, m.Attempts,
                m.CreatedAt, m.SentAt, m.NextAttemptAt, m.InternetMessageId, m.FailureCode, m.FailureCause, m.FailureFix))],
            [.. deliveries.OrderBy(d => d.CreatedAt).Select(d => new WebhookDeliveryRow(d.Id, d.Event, d.Url, d.Status, d.Attempts, d.CreatedAt,
                d.NextAttemptAt, d.DeliveredAt, d.LastStatusCode, d.LastError, [.. d.AttemptLog.OrderBy(a => a.Id)]))],
            trail);
    }

    public async Task<ApprovalListPage> ListAsync(ApprovalListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = db.ApprovalRequests.AsNoTracking();
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(query.ExternalId))
        {
            requests = requests.Where(r => r.ExternalId == query.ExternalId.Trim());
        }
        if (query.Since is { } since)
        {
            var sinceUtc = since.ToUniversalTime();
            requests = requests.Where(r => r.CreatedAt >= sinceUtc);
        }
        if (query.Until is { } until)
        {
            var untilUtc = until.ToUniversalTime();
            requests = requests.Where(r => r.CreatedAt < untilUtc);
        }
        if (!string.IsNullOrWhiteSpace(query.Approver))
        {
            var approver = query.Approver.Trim().ToLowerInvariant();
            requests = requests.Where(r => r.Approvers.Any(a => a.NormalizedAddress.Contains(approver)));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Any case on every provider (SQLite's instr is case-sensitive).
            var text = query.Text.Trim().ToLowerInvariant();
            requests = requests.Where(r => r.Title.ToLower().Contains(text) || r.RequestedBy.ToLower().Contains(text)
                || (r.ExternalId != null && r.ExternalId.ToLower().Contains(text)));
        }
        var total = await requests.CountAsync(cancellationToken);
        var page = await Sorted(requests, query)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, ApprovalListQuery.MaxTake))
            .Select(r => new
            {
                r.Id, r.Title, r.Status, r.RequestedBy, r.CreatedAt, r.ExpiresAt, r.ClosedAt, r.ExternalId,
                Approvers = r.Approvers.OrderBy(a => a.Position).Select(a => a.Address).ToList(),
                Decisions = r.Decisions.Count,
                MailFailed = db.ApprovalMails.Any(m => m.ApprovalRequestId == r.Id && m.Kind == ApprovalMailKind.Request && m.Status == ApprovalMailStatus.Failed),
            })
            .ToListAsync(cancellationToken);
        return new ApprovalListPage(
            [.. page.Select(r => new ApprovalListItem(r.Id, r.Title, r.Status, r.RequestedBy, r.CreatedAt, r.ExpiresAt, r.ClosedAt, r.ExternalId, r.Approvers,
                r.Decisions, r.MailFailed))],
            total);
    }

    public async Task<ApprovalCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var startOfDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.ApprovalRequests.CountAsync(r => r.Status == ApprovalStatus.Pending, cancellationToken);
        var decidedToday = await db.ApprovalRequests.CountAsync(r => (r.Status == ApprovalStatus.Approved || r.Status == ApprovalStatus.Rejected)
            && r.ClosedAt >= startOfDay, cancellationToken);
        var failedMails = await db.ApprovalMails.CountAsync(m => m.Status == ApprovalMailStatus.Failed, cancellationToken);
        var failedWebhooks = await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Failed, cancellationToken);
        return new ApprovalCounts(pending, decidedToday, failedMails, failedWebhooks);
    }

    /// <summary>
    /// Pending requests, oldest first, each with the approvers who have not answered and when FlexMail last sent them a mail
    /// (the approval mail or a reminder): the Live Inbox's "waiting for" panel.
    /// </summary>
    public async Task<IReadOnlyList<PendingApproval>> ListPendingAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = await db.ApprovalRequests.AsNoTracking().Where(r => r.Status == ApprovalStatus.Pending)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(Math.Clamp(take, 1, ApprovalListQuery.MaxTake))
            .Select(r => new { r.Id, r.Title, r.CreatedAt, r.ExpiresAt })
            .ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.Id).ToList();
        var decided = (await db.ApprovalDecisions.AsNoTracking().Where(d => ids.Contains(d.ApprovalRequestId)).Select(d => d.ApproverId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var waiting = (await db.ApprovalApprovers.AsNoTracking().Where(a => ids.Contains(a.ApprovalRequestId))
                .Select(a => new { a.Id, a.ApprovalRequestId, a.Address, a.Position }).ToListAsync(cancellationToken))
            .Where(a => !decided.Contains(a.Id)).OrderBy(a => a.Position).ToLookup(a => a.ApprovalRequestId);
        var mailed = (await db.ApprovalMails.AsNoTracking()
                .Where(m => ids.Contains(m.ApprovalRequestId) && m.ApproverId != null && m.SentAt != null
                    && (m.Kind == ApprovalMailKind.Request || m.Kind == ApprovalMailKind.Reminder))
                .Select(m => new { m.ApproverId, m.SentAt })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.ApproverId!.Value)
            .ToDictionary(g => g.Key, g => g.Max(m => m.SentAt));
        return [.. requests.Select(r => new PendingApproval(r.Id, r.Title, r.CreatedAt, r.ExpiresAt,
            [.. waiting[r.Id].Select(a => new PendingApprover(a.Address, mailed.GetValueOrDefault(a.Id)))]))];
    }

    /// <summary>The pending request that has waited longest, or null when none is pending.</summary>
    public async Task<PendingApproval?> OldestPendingAsync(CancellationToken cancellationToken) =>
        (await ListPendingAsync(1, cancellationToken)).FirstOrDefault();

    private static Task<ApprovalRequest?> LoadAsync(FlexMailDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.ApprovalRequests.AsNoTracking().Include(r => r.Approvers).Include(r => r.Decisions).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private static IQueryable<ApprovalRequest> Sorted(IQueryable<ApprovalRequest> requests, ApprovalListQuery query) => (query.SortBy, query.Descending) switch
    {
        (ApprovalSort.Title, false) => requests.OrderBy(r => r.Title).ThenBy(r => r.Id),
        (ApprovalSort.Title, true) => requests.OrderByDescending(r => r.Title).ThenBy(r => r.Id),
        (ApprovalSort.Status, false) => requests.OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt),
        (ApprovalSort.Status, true) => requests.OrderByDescending(r => r.Status).ThenByDescending(r => r.CreatedAt),
        (ApprovalSort.ExpiresAt, false) => requests.OrderBy(r => r.ExpiresAt).ThenBy(r => r.Id),
        (ApprovalSort.ExpiresAt, true) => requests.OrderByDescending(r => r.ExpiresAt).ThenBy(r => r.Id),
        (ApprovalSort.RequestedBy, false) => requests.OrderBy(r => r.RequestedBy).ThenBy(r => r.Id),
        (ApprovalSort.RequestedBy, true) => requests.OrderByDescending(r => r.RequestedBy).ThenBy(r => r.Id),
        (_, false) => requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
        _ => requests.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id),
    };
}
