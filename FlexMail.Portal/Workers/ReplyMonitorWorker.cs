using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Settings;

namespace FlexMail.Portal.Workers;

/// <summary>
/// Runs the reply monitor (<see cref="ReplyMonitor"/>): a cycle whenever one is due and this instance holds the lease,
/// woken early by Check Now and Resume. The lease is released when the portal stops, so another instance takes over at once.
/// </summary>
internal sealed partial class ReplyMonitorWorker(ReplyMonitor monitor, ReplyMonitorStore store, ReplySignal signal, TimeProvider clock,
    ILogger<ReplyMonitorWorker> logger) : BackgroundService
{
    /// <summary>The longest sleep: settings changes (Email Approval turned on, a shorter poll interval) apply within it.</summary>
    private static readonly TimeSpan LongestSleep = TimeSpan.FromSeconds(EmailSettingsDraft.MinPollIntervalSeconds);
    private static readonly TimeSpan MaxErrorPause = TimeSpan.FromMinutes(5);

    /// <summary>This instance's name in the lease: machine, process and a random part, so two processes never share one.</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                var next = await monitor.RunIfDueAsync(_holder, stoppingToken);
                failures = 0;
                pause = next is { } due ? Clamp(due - clock.GetUtcNow()) : LongestSleep;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                pause = TimeSpan.FromSeconds(Math.Min(MaxErrorPause.TotalSeconds, 5 * Math.Pow(2, Math.Min(failures, 10))));
                LogFailed(logger, ex, pause);
            }
            try
            {
                await signal.WaitAsync(pause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.ReleaseLeaseAsync(_holder, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReleaseFailed(logger, ex);
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestSleep ? LongestSleep : wait;

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply monitor pass failed; trying again in {Pause}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply monitor lease could not be released; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
