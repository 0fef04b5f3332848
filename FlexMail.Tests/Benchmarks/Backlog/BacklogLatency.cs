using FlexMail.Domain.Approvals.Replies;

namespace FlexMail.Benchmarks.Backlog;

/// <summary>
/// Replies arriving one at a time at random moments (0.3–2.3 s apart, 1.3 s on average) while the monitor runs as its
/// worker does: <see cref="ReplyMonitor.RunIfDueAsync"/> in a loop, waiting until the time it answers (5 s poll
/// interval). Measures delivery to <see cref="ProcessedReply.ProcessedAt"/> for each reply.
/// </summary>
internal static class BacklogLatency
{
    private const string Holder = "backlog-benchmark";

    public static async Task<LatencyResult> RunAsync(BacklogScenario scenario, int count, ReplyMonitorOptions limits, CancellationToken ct)
    {
        var sent = await scenario.CreateRequestsAsync((count + BacklogScenario.Approvers.Length - 1) / BacklogScenario.Approvers.Length, "Latency", ct);
        var mails = BacklogScenario.Replies(sent).Take(count).ToList();
        var (cycle, _) = scenario.Cycle(limits);
        var monitor = await scenario.MonitorAsync(cycle, limits, ct);
        using var stopMonitor = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var polling = PollAsync(monitor, stopMonitor.Token);

        Console.WriteLine($"Latency: {mails.Count} replies, one every 0.3–2.3 s, monitor polling every 5 s…");
        var random = new Random(42);
        var delivered = new Dictionary<string, DateTimeOffset>();
        foreach (var mail in mails)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300 + random.Next(2000)), ct);
            delivered[mail.MessageId!] = DateTimeOffset.UtcNow;
            await scenario.DeliverAsync([mail], ct);
        }
        var processed = new Dictionary<string, DateTimeOffset>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (processed.Count < delivered.Count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            processed = await scenario.ProcessedAtAsync(delivered.Keys, ct);
        }
        await stopMonitor.CancelAsync();
        await polling;

        var delays = delivered.Where(d => processed.ContainsKey(d.Key)).Select(d => (processed[d.Key] - d.Value).TotalSeconds).Order().ToList();
        return new LatencyResult(delivered.Count, delivered.Count - delays.Count, Percentile(delays, 0.50), Percentile(delays, 0.95),
            delays.Count == 0 ? double.NaN : delays[^1]);
    }

    private static async Task PollAsync(ReplyMonitor monitor, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var next = await monitor.RunIfDueAsync(Holder, ct);
                var wait = (next ?? DateTimeOffset.UtcNow.AddSeconds(5)) - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The measurement ended.
        }
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Delays from delivery to decision, in seconds; lost: replies never recorded.</summary>
internal sealed record LatencyResult(int Replies, int Lost, double P50, double P95, double Max);
