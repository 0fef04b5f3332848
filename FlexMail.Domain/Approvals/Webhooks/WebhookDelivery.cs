namespace FlexMail.Domain.Approvals.Webhooks;

/// <summary>
/// A callback owed to an integrator: the request's JSON at the moment it closed, POSTed to its callback URL with a
/// signature until the receiver answers 2xx or the retry window ends. One per request and event (a unique index).
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApprovalRequestId { get; set; }

    /// <summary><c>approval.approved</c>, <c>approval.rejected</c>, <c>approval.expired</c>, <c>approval.cancelled</c>.</summary>
    public required string Event { get; set; }

    public required string Url { get; set; }

    /// <summary>The exact body POSTed on every attempt (so the signature covers the same bytes).</summary>
    public required string Payload { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public List<WebhookAttempt> AttemptLog { get; set; } = [];
}

/// <summary>One POST of a delivery: when, how it ended, how long it took.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }

    public Guid WebhookDeliveryId { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused, timed out).</summary>
    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public int DurationMilliseconds { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>The retry window ended without a 2xx answer, or the delivery cannot be signed or sent at all.</summary>
    Failed,
}
