using FlexMail.Domain.Approvals;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Workers;

/// <summary>Expires due approval requests (<see cref="ApprovalLifecycle.ExpireDueAsync"/>) every poll interval; after a restart it catches up at once.</summary>
internal sealed class ApprovalExpiryWorker(ApprovalLifecycle lifecycle, IOptions<ApprovalOptions> options, TimeProvider clock,
    ILogger<ApprovalExpiryWorker> logger) : SignalledWorker(null, options, clock, logger)
{
    protected override async Task<DateTimeOffset?> RunPassAsync(CancellationToken cancellationToken)
    {
        while (await lifecycle.ExpireDueAsync(cancellationToken) == ApprovalLifecycle.ExpiryBatchSize)
        {
        }
        return null;
    }
}
