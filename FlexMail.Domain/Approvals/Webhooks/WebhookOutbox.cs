using System.Text.Json;
using FlexMail.Domain.Persistence;

namespace FlexMail.Domain.Approvals.Webhooks;

/// <summary>Owes a closed request's callback, in the transaction that closes it: one delivery per request and event.</summary>
public sealed class WebhookOutbox(WebhookSignal signal)
{
    public static string EventOf(ApprovalStatus status) => $"approval.{status.ToString().ToLowerInvariant()}";

    public void StageIfWanted(FlexMailDbContext db, ApprovalView closed, DateTimeOffset now)
    {
        if (closed.CallbackUrl is not { Length: > 0 } url)
        {
            return;
        }
        var eventName = EventOf(closed.Status);
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            ApprovalRequestId = closed.Id,
            Event = eventName,
            Url = url,
            Payload = JsonSerializer.Serialize(new WebhookPayload(eventName, now, closed), ApprovalJson.Options),
            Status = WebhookDeliveryStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    public void Committed() => signal.Notify();
}

/// <summary>The body of a callback: what happened, when, and the request as the API shows it.</summary>
public sealed record WebhookPayload(string Event, DateTimeOffset OccurredAt, ApprovalView Approval);
