using System.Text.Json;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>Reads processed replies for the portal and the API: filtered, newest first, paged; one with every detail.</summary>
public sealed class ReplyQueries(IDbContextFactory<FlexMailDbContext> contexts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReplyListPage> ListAsync(ReplyListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
            var normalized = sender.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.Sender != null && r.Sender.ToLower() == normalized);
        }
        if (query.Since is { } since)
        {
            rows = rows.Where(r => r.ProcessedAt >= since);
        }
        if (query.Until is { } until)
        {
            rows = rows.Where(r => r.ProcessedAt < until);
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(r => r.ProcessedAt).ThenByDescending(r => r.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, ReplyListQuery.MaxTake))
            .Select(r => new ReplyListItem(r.Id, r.Outcome, r.Reason, r.Sender, r.Subject, r.ApprovalRequestId, r.Decision, r.Comment, r.ReceivedAt,
                r.ProcessedAt, r.Removal))
            .ToListAsync(cancellationToken);
        return new ReplyListPage(items, total);
    }

    public async Task<ReplyDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ProcessedReplies.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return row is null ? null : new ReplyDetails(row,
            JsonSerializer.Deserialize<List<ReplyStep>>(row.StepsJson, Json) ?? [],
            JsonSerializer.Deserialize<List<ReplyHeader>>(row.HeadersJson, Json) ?? []);
    }
}

/// <summary>Which processed replies to list.</summary>
public sealed record ReplyListQuery
{
    public const int MaxTake = 200;

    public ReplyOutcome? Outcome { get; init; }

    public Guid? ApprovalRequestId { get; init; }

    public string? Sender { get; init; }

    /// <summary>Processed at or after.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Processed before.</summary>
    public DateTimeOffset? Until { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

public sealed record ReplyListItem(Guid Id, ReplyOutcome Outcome, string Reason, string? Sender, string? Subject, Guid? ApprovalRequestId,
    DecisionKind? Decision, string? Comment, DateTimeOffset? ReceivedAt, DateTimeOffset ProcessedAt, ReplyRemoval Removal);

public sealed record ReplyListPage(IReadOnlyList<ReplyListItem> Items, int TotalCount);

/// <summary>One processed reply with its steps and the headers that mattered.</summary>
public sealed record ReplyDetails(ProcessedReply Reply, IReadOnlyList<ReplyStep> Steps, IReadOnlyList<ReplyHeader> Headers);
