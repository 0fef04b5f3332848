using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Audit;

/// <summary>Records changes and reads them back, newest first.</summary>
public sealed class AuditLog(IDbContextFactory<FlexMailDbContext> contexts, TimeProvider clock)
{
    public async Task RecordAsync(Actor actor, string action, string subject, string? details, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Stage(db, actor, action, subject, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the event to a context whose changes are saved together with it (all or nothing).</summary>
    public void Stage(FlexMailDbContext db, Actor actor, string action, string subject, string? details) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            Actor = actor.Name,
            ActorId = actor.ObjectId,
            Action = action,
            Subject = subject,
            Details = details,
        });

    public async Task<AuditPage> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.AuditEvents.CountAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(auditEvent => auditEvent.OccurredAt).ThenByDescending(auditEvent => auditEvent.Id)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return new AuditPage(events, total);
    }
}

/// <summary>One page of audit events and how many there are in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int TotalCount);
