namespace FlexMail.Domain.Audit;

/// <summary>A recorded change: who did what to which subject, and which fields changed (never values of secrets).</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The display name of who did it (<see cref="Audit.Actor.Name"/>).</summary>
    public required string Actor { get; set; }

    /// <summary>Their object id in the sign-in tenant; null for FlexMail itself.</summary>
    public string? ActorId { get; set; }

    public required string Action { get; set; }

    public required string Subject { get; set; }

    public string? Details { get; set; }
}
