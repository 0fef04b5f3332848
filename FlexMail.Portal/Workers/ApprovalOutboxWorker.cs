using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Workers;

/// <summary>Sends the approval outbox (<see cref="ApprovalMailSender"/>) as soon as mail is queued, within the sending limit.</summary>
internal sealed class ApprovalOutboxWorker(ApprovalMailSender sender, OutboxSignal signal, IOptions<ApprovalOptions> options, TimeProvider clock,
    ILogger<ApprovalOutboxWorker> logger) : SignalledWorker(signal, options, clock, logger)
{
    protected override async Task<DateTimeOffset?> RunPassAsync(CancellationToken cancellationToken) =>
        (await sender.RunOnceAsync(cancellationToken)).NextDue;
}
