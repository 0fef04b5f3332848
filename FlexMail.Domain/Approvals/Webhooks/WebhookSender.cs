using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Approvals.Webhooks;

/// <summary>
/// Delivers owed callbacks: POSTs each delivery's stored body, signed (<see cref="WebhookSignature"/>), with its event
/// and delivery id (receivers deduplicate by it), and records every attempt. A 2xx answer delivers it; anything else
/// is retried with exponential backoff (30 s doubling, at most an hour apart) until
/// <see cref="ApprovalOptions.WebhookRetryWindow"/> after it was owed, then it is marked failed.
/// </summary>
public sealed partial class WebhookSender(
    IDbContextFactory<FlexMailDbContext> contexts, IHttpClientFactory httpClients, WebhookSecrets secrets, IOptions<ApprovalOptions> options,
    TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "FlexMail.Webhooks";
    public const int BatchSize = 20;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Attempts the due deliveries; answers how many it attempted and when the next is due.</summary>
    public async Task<(int Attempted, DateTimeOffset? NextDue)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }
        foreach (var id in due)
        {
            await AttemptAsync(id, cancellationToken);
        }
        await using var after = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await after.WebhookDeliveries.AsNoTracking().Where(d => d.Status == WebhookDeliveryStatus.Pending)
            .OrderBy(d => d.NextAttemptAt).Select(d => d.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        return (due.Count, next);
    }

    private async Task AttemptAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var started = clock.GetUtcNow();
        var secret = await secrets.ForRequestAsync(delivery.ApprovalRequestId, cancellationToken);
        var attempt = new WebhookAttempt { WebhookDeliveryId = delivery.Id, AttemptedAt = started };
        delivery.Attempts++;
        if (secret is null)
        {
            attempt.Error = "The API key that created the request was revoked or deleted, so the call cannot be signed.";
            Finish(delivery, attempt, started, delivered: false, final: true);
        }
        else
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await PostAsync(delivery, secret, started, cancellationToken);
                attempt.StatusCode = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    attempt.Error = $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.";
                }
                attempt.DurationMilliseconds = (int)watch.ElapsedMilliseconds;
                Finish(delivery, attempt, started, response.IsSuccessStatusCode, final: false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                attempt.DurationMilliseconds = (int)watch.ElapsedMilliseconds;
                attempt.Error = ex is TaskCanceledException ? "The receiver did not answer within 10 seconds." : $"The receiver could not be reached: {ex.Message}";
                Finish(delivery, attempt, started, delivered: false, final: false);
            }
        }
        db.WebhookAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        LogAttempt(logger, delivery.Id, delivery.Event, attempt.StatusCode, delivery.Status);
    }

    private async Task<HttpResponseMessage> PostAsync(WebhookDelivery delivery, string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(secret, now, delivery.Payload));
        request.Headers.Add(WebhookSignature.EventHeaderName, delivery.Event);
        request.Headers.Add(WebhookSignature.DeliveryHeaderName, delivery.Id.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
    }

    private void Finish(WebhookDelivery delivery, WebhookAttempt attempt, DateTimeOffset now, bool delivered, bool final)
    {
        delivery.LastStatusCode = attempt.StatusCode;
        delivery.LastError = attempt.Error;
        if (delivered)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            return;
        }
        var backoff = TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(delivery.Attempts - 1, 20)));
        var next = now + (backoff < MaxBackoff ? backoff : MaxBackoff);
        if (final || next > delivery.CreatedAt + options.Value.WebhookRetryWindow)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.NextAttemptAt = null;
            return;
        }
        delivery.NextAttemptAt = next;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} ({Event}): receiver answered {StatusCode}; now {Status}")]
    private static partial void LogAttempt(ILogger logger, Guid deliveryId, string @event, int? statusCode, WebhookDeliveryStatus status);
}
