using FlexMail.Domain.Approvals;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Workers;

/// <summary>
/// A worker that runs a domain pass, then sleeps until its work is due, its signal fires (new work committed) or the
/// poll interval passes, whichever is first. A failing pass is logged and retried after a growing pause, never in a
/// tight loop; state lives in the database, so a restart carries on where the last process stopped.
/// </summary>
internal abstract partial class SignalledWorker(WorkSignal? signal, IOptions<ApprovalOptions> options, TimeProvider clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan MaxErrorPause = TimeSpan.FromMinutes(5);

    /// <summary>Runs one pass; answers when the next work is due (null: nothing known, wait for the signal or the poll).</summary>
    protected abstract Task<DateTimeOffset?> RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                var nextDue = await RunPassAsync(stoppingToken);
                failures = 0;
                pause = options.Value.PollInterval;
                if (nextDue is { } due)
                {
                    var untilDue = due - clock.GetUtcNow();
                    pause = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < pause ? untilDue : pause;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                pause = TimeSpan.FromSeconds(Math.Min(MaxErrorPause.TotalSeconds, 5 * Math.Pow(2, Math.Min(failures, 10))));
                LogPassFailed(logger, ex, GetType().Name, pause);
            }
            try
            {
                if (signal is null)
                {
                    await Task.Delay(pause, clock, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(pause, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} pass failed; trying again in {Pause}")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string worker, TimeSpan pause);
}
