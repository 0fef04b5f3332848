namespace FlexMail.Domain.Approvals.Outbox;

/// <summary>What one pass of the sender did, and when there is more to do (null: nothing is waiting).</summary>
public sealed record OutboxRun(int Sent, int Retried, int Failed, int Skipped, DateTimeOffset? NextDue)
{
    public static readonly OutboxRun Nothing = new(0, 0, 0, 0, null);
}
