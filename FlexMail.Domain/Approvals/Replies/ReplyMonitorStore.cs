using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// Reads and writes the monitor's state row. The lease is taken with one conditional update (free, expired, or already
/// ours), so that of several instances on one database exactly one gets it; a dead instance's lease simply runs out.
/// </summary>
public sealed class ReplyMonitorStore(IDbContextFactory<FlexMailDbContext> contexts, TimeProvider clock)
{
    public async Task<ReplyMonitorState> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ReplyMonitorStates.AsNoTracking().SingleOrDefaultAsync(s => s.Id == ReplyMonitorState.SingletonId, cancellationToken) is { } state)
        {
            return state;
        }
        db.ReplyMonitorStates.Add(new ReplyMonitorState());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance made the row at the same moment.
        }
        await using var again = await contexts.CreateDbContextAsync(cancellationToken);
        return await again.ReplyMonitorStates.AsNoTracking().SingleAsync(s => s.Id == ReplyMonitorState.SingletonId, cancellationToken);
    }

    /// <summary>Takes or renews the lease for <paramref name="holder"/>; false when another live instance holds it.</summary>
    public async Task<bool> TryHoldLeaseAsync(string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        await GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var until = now + lease;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.ReplyMonitorStates
            .Where(s => s.Id == ReplyMonitorState.SingletonId && (s.LeaseHolder == null || s.LeaseHolder == holder || s.LeaseExpiresAt == null || s.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseHolder, holder).SetProperty(x => x.LeaseExpiresAt, until), cancellationToken);
        return taken == 1;
    }

    public async Task ReleaseLeaseAsync(string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReplyMonitorStates.Where(s => s.Id == ReplyMonitorState.SingletonId && s.LeaseHolder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseHolder, (string?)null).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Changes the row (the caller's change runs on a tracked copy) and saves it.</summary>
    public async Task<ReplyMonitorState> UpdateAsync(Action<ReplyMonitorState> change, CancellationToken cancellationToken)
    {
        await GetAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await db.ReplyMonitorStates.SingleAsync(s => s.Id == ReplyMonitorState.SingletonId, cancellationToken);
        change(state);
        await db.SaveChangesAsync(cancellationToken);
        return state;
    }
}
