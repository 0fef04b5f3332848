using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Webhooks;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Workers;

/// <summary>Delivers owed webhooks (<see cref="WebhookSender"/>) as soon as a request closes, and retries them when due.</summary>
internal sealed class WebhookWorker(WebhookSender sender, WebhookSignal signal, IOptions<ApprovalOptions> options, TimeProvider clock,
    ILogger<WebhookWorker> logger) : SignalledWorker(signal, options, clock, logger)
{
    protected override async Task<DateTimeOffset?> RunPassAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (attempted, nextDue) = await sender.RunOnceAsync(cancellationToken);
            if (attempted < WebhookSender.BatchSize)
            {
                return nextDue;
            }
        }
    }
}
