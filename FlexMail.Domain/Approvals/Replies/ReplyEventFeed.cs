using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>Reads the processing-events table by id (the primary key, so every read is an index range) and prunes it.</summary>
public sealed class ReplyEventFeed(IDbContextFactory<FlexMailDbContext> contexts)
{
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReplyEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<ReplyEvent>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReplyEvents.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(max).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes events that happened before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReplyEvents.Where(e => e.OccurredAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
