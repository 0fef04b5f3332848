using System.Text.Json;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Reads processed replies for the portal and the API: filtered, newest first, paged; the rows among some ids that a
/// filter keeps (what a live view re-queries when the event feed names them); one with every detail; today's counts.
/// </summary>
public sealed class ReplyQueries(IDbContextFactory<FlexMailDbContext> contexts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReplyListPage> ListAsync(ReplyListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db, query);
        var total = await rows.CountAsync(cancellationToken);
        var items = await Project(db, Newest(rows).Skip(query.Skip).Take(Math.Clamp(query.Take, 1, ReplyListQuery.MaxTake))).ToListAsync(cancellationToken);
        return new ReplyListPage(items, total);
    }

    /// <summary>The rows among <paramref name="ids"/> that <paramref name="query"/>'s filters keep, newest first (paging ignored).</summary>
    public async Task<IReadOnlyList<ReplyListItem>> FindAsync(ReplyListQuery query, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db, query).Where(r => ids.Contains(r.Id));
        return await Project(db, Newest(rows)).ToListAsync(cancellationToken);
    }

    public async Task<ReplyDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ProcessedReplies.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var title = row.ApprovalRequestId is { } requestId
            ? await db.ApprovalRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
        var answer = row.AnswerMailId is { } answerId
            ? await db.ApprovalMails.AsNoTracking().Where(m => m.Id == answerId)
                .Select(m => new ReplyAnswerMail(m.Recipient, m.AnswerSubject, m.AnswerText, m.Status, m.CreatedAt, m.SentAt, m.FailureCause))
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        return new ReplyDetails(row,
            JsonSerializer.Deserialize<List<ReplyStep>>(row.StepsJson, Json) ?? [],
            JsonSerializer.Deserialize<List<ReplyHeader>>(row.HeadersJson, Json) ?? [],
            title, answer);
    }

    /// <summary>How many replies of each outcome were processed since the start of today (UTC).</summary>
    public async Task<ReplyCounts> CountTodayAsync(CancellationToken cancellationToken)
    {
        var since = StartOfToday();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.ProcessedReplies.AsNoTracking().Where(r => r.ProcessedAt >= since).GroupBy(r => r.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new ReplyCounts(since, counts.ToDictionary(c => c.Outcome, c => c.Count));
    }

    public DateTimeOffset StartOfToday() => new(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    private static IQueryable<ProcessedReply> Filtered(FlexMailDbContext db, ReplyListQuery query)
    {
        var rows = db.ProcessedReplies.AsNoTracking();
        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(r => r.Outcome == outcome);
        }
        if (query.ApprovalRequestId is { } requestId)
        {
            rows = rows.Where(r => r.ApprovalRequestId == requestId);
        }
        if (query.Sender is { Length: > 0 } sender)
        {
            var key = ProcessedReply.SenderKeyOf(sender);
            rows = rows.Where(r => r.SenderKey == key);
        }
        if (query.Since is { } since)
        {
            rows = rows.Where(r => r.ProcessedAt >= since);
        }
        if (query.Until is { } until)
        {
            rows = rows.Where(r => r.ProcessedAt < until);
        }
        if (query.Text is { } text && text.Trim() is { Length: > 0 } words)
        {
            var pattern = $"%{EscapeLike(words)}%";
            rows = rows.Where(r => EF.Functions.Like(r.Subject!, pattern, "\\") || EF.Functions.Like(r.Sender!, pattern, "\\")
                || EF.Functions.Like(r.SenderName!, pattern, "\\") || EF.Functions.Like(r.DecisiveLine!, pattern, "\\")
                || EF.Functions.Like(r.Reason, pattern, "\\") || EF.Functions.Like(r.Comment!, pattern, "\\"));
        }
        return rows;
    }

    private static IOrderedQueryable<ProcessedReply> Newest(IQueryable<ProcessedReply> rows) =>
        rows.OrderByDescending(r => r.ProcessedAt).ThenByDescending(r => r.Id);

    private static IQueryable<ReplyListItem> Project(FlexMailDbContext db, IQueryable<ProcessedReply> rows) =>
        from r in rows
        join request in db.ApprovalRequests on r.ApprovalRequestId equals request.Id into requests
        from request in requests.DefaultIfEmpty()
        select new ReplyListItem(r.Id, r.Outcome, r.Reason, r.Sender, r.Subject, r.ApprovalRequestId, r.Decision, r.Comment, r.ReceivedAt,
            r.ProcessedAt, r.Removal)
        {
            SenderName = r.SenderName,
            RequestTitle = request == null ? null : request.Title,
            Resolution = r.Resolution,
        };

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[");
}

/// <summary>Which processed replies to list.</summary>
public sealed record ReplyListQuery
{
    public const int MaxTake = 200;

    public const int MaxTextLength = 200;

    public ReplyOutcome? Outcome { get; init; }

    public Guid? ApprovalRequestId { get; init; }

    public string? Sender { get; init; }

    /// <summary>Processed at or after.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Processed before.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Words found in the subject, sender, decisive line, reason or comment (case-insensitive).</summary>
    public string? Text { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

public sealed record ReplyListItem(Guid Id, ReplyOutcome Outcome, string Reason, string? Sender, string? Subject, Guid? ApprovalRequestId,
    DecisionKind? Decision, string? Comment, DateTimeOffset? ReceivedAt, DateTimeOffset ProcessedAt, ReplyRemoval Removal)
{
    public string? SenderName { get; init; }

    public string? RequestTitle { get; init; }

    public ReplyResolution? Resolution { get; init; }

    /// <summary>Received → processed (decided), when the mail says when it was received.</summary>
    public TimeSpan? ProcessingTime => ReceivedAt is { } received && ProcessedAt >= received ? ProcessedAt - received : null;
}

public sealed record ReplyListPage(IReadOnlyList<ReplyListItem> Items, int TotalCount);

/// <summary>One processed reply with its steps, the headers that mattered and its request's title.</summary>
public sealed record ReplyDetails(ProcessedReply Reply, IReadOnlyList<ReplyStep> Steps, IReadOnlyList<ReplyHeader> Headers, string? RequestTitle = null,
    ReplyAnswerMail? Answer = null);

/// <summary>The mail FlexMail sent the sender about their reply (a confirmation, or why it could not be used).</summary>
public sealed record ReplyAnswerMail(string Recipient, string? Subject, string? Text, Outbox.ApprovalMailStatus Status, DateTimeOffset QueuedAt,
    DateTimeOffset? SentAt, string? FailureCause);

/// <summary>Replies processed since <see cref="Since"/>, by outcome.</summary>
public sealed record ReplyCounts(DateTimeOffset Since, IReadOnlyDictionary<ReplyOutcome, int> ByOutcome)
{
    public int this[ReplyOutcome outcome] => ByOutcome.GetValueOrDefault(outcome);

    public int Decided => this[ReplyOutcome.Approved] + this[ReplyOutcome.Rejected];
}
