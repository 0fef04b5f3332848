using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Live;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Workers;

/// <summary>
/// While somebody on this instance watches a live view, tails the processing-events table (<see cref="ReplyEventTail"/>)
/// and the monitor's state row, and publishes what changed to <see cref="LiveInboxNotifier"/>. Woken at once by this
/// instance's own commits (<see cref="ReplyEventSignal"/>); otherwise it reads every <see cref="LiveInboxOptions.PollInterval"/>,
/// which is how another instance's work arrives. With nobody watching it reads nothing. Prunes old events now and then.
/// </summary>
internal sealed partial class LiveInboxFeedWorker(
    LiveInboxNotifier notifier, ReplyEventFeed feed, ReplyMonitorStore monitor, ReplyEventSignal signal, IOptions<LiveInboxOptions> options,
    TimeProvider clock, ILogger<LiveInboxFeedWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(5);

    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await notifier.WaitForSubscriberAsync(stoppingToken);
                await FollowAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, ErrorPause);
                try
                {
                    await Task.Delay(ErrorPause, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Follows from the present while anybody watches (a view queries the present itself when it opens).</summary>
    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        var tail = new ReplyEventTail(feed, clock);
        await tail.StartAsync(stoppingToken);
        var fingerprint = Fingerprint(await monitor.GetAsync(stoppingToken));
        while (notifier.SubscriberCount > 0 && !stoppingToken.IsCancellationRequested)
        {
            var events = await tail.ReadAsync(stoppingToken);
            var now = Fingerprint(await monitor.GetAsync(stoppingToken));
            var monitorChanged = now != fingerprint;
            fingerprint = now;
            if (events.Count > 0 || monitorChanged)
            {
                await notifier.PublishAsync(new LiveInboxChange(events, monitorChanged));
            }
            await PruneIfDueAsync(stoppingToken);
            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _lastPrune < PruneEvery)
        {
            return;
        }
        _lastPrune = now;
        var pruned = await feed.PruneAsync(now - options.Value.EventRetention, cancellationToken);
        if (pruned > 0)
        {
            LogPruned(logger, pruned);
        }
    }

    /// <summary>What the status bar shows; a change of any of it is worth a refresh.</summary>
    private static string Fingerprint(ReplyMonitorState s) => string.Join('|', s.Paused, s.LastCycleEndedAt?.UtcTicks, s.NextCycleAt?.UtcTicks,
        s.LastErrorCode, s.ConsecutiveFailures, s.ThrottledUntil?.UtcTicks, s.Backlog, s.NotOursInFolder, s.ForeignInFolder, s.LeaseHolder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following processing events failed; trying again in {Pause}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} old processing events")]
    private static partial void LogPruned(ILogger logger, int count);
}
