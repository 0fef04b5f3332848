using System.Diagnostics;
using System.Globalization;
using FlexMail.Domain.Approvals.Replies;

namespace FlexMail.Benchmarks.Backlog;

/// <summary>
/// <c>backlog [--replies N] [--window-seconds W] [--latency-replies L]</c>: the reply monitor against the sandbox's Graph,
/// as a macro run. (1) A backlog of N replies drained under Outlook's limits scaled to a W-second window (the same
/// 16.7 requests per second), (2) the same backlog with throttling off, (3) the delay from delivery to decision for L
/// replies arriving one at a time while the monitor polls every 5 seconds. Prints one table.
/// </summary>
internal static class BacklogRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var replies = Option(args, "--replies", 10_000);
        var window = Option(args, "--window-seconds", 60);
        var latencyReplies = Option(args, "--latency-replies", 40);
        var budget = (int)Math.Round(10_000.0 * window / 600);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(60));
        var ct = stop.Token;

        Console.WriteLine($"Reply backlog: {replies:N0} replies; Outlook's 10,000 requests per 600 s scaled to {budget:N0} per {window} s, 4 concurrent.");
        var started = Stopwatch.StartNew();
        await using var portal = BacklogPortal.Start();
        var scenario = new BacklogScenario(portal);
        await scenario.PrepareAsync(ct);
        Console.WriteLine($"Portal started and connected by the sandbox quick setup in {started.Elapsed.TotalSeconds:N1} s.");

        var outlook = new ReplyMonitorOptions { RequestBudget = budget, RequestBudgetWindow = TimeSpan.FromSeconds(window) };
        await scenario.SetThrottlingAsync(true, budget, window, ct);
        var throttled = await DrainAsync(scenario, "Throttled", replies, outlook, ct);

        await scenario.SetThrottlingAsync(false, 1_000_000_000, 600, ct);
        var free = await DrainAsync(scenario, "Unthrottled", replies,
            new ReplyMonitorOptions { RequestBudget = 1_000_000_000, RequestBudgetWindow = TimeSpan.FromMinutes(10) }, ct);

        await scenario.SetThrottlingAsync(true, budget, window, ct);
        var latency = await BacklogLatency.RunAsync(scenario, latencyReplies, outlook, ct);

        BacklogTable.Print(replies, budget, window, throttled, free, latency);
        Console.WriteLine($"Whole run: {started.Elapsed.TotalMinutes:N1} min.");
        return throttled.Sound && free.Sound && latency.Lost == 0 ? 0 : 1;
    }

    /// <summary>Delivers the backlog, then runs cycles as the worker does (the next at once while one says More) until the folder is empty.</summary>
    private static async Task<DrainResult> DrainAsync(BacklogScenario scenario, string name, int count, ReplyMonitorOptions limits, CancellationToken ct)
    {
        var prepare = Stopwatch.StartNew();
        var sent = await scenario.CreateRequestsAsync((count + BacklogScenario.Approvers.Length - 1) / BacklogScenario.Approvers.Length, name, ct);
        var mails = BacklogScenario.Replies(sent).Take(count).ToList();
        await scenario.DeliverAsync(mails, ct);
        Console.WriteLine($"{name}: {sent.Select(s => s.RequestId).Distinct().Count():N0} requests and {mails.Count:N0} replies delivered in {prepare.Elapsed.TotalSeconds:N1} s; draining…");
        scenario.Throttle.Clear();

        var (cycle, pacer) = scenario.Cycle(limits);
        var clock = Stopwatch.StartNew();
        var cycles = 0;
        var failures = 0;
        while (true)
        {
            cycles++;
            try
            {
                var report = await cycle.RunAsync(ct);
                if (!report.More)
                {
                    break;
                }
            }
            catch (ReplyCycleException failed)
            {
                // As the monitor does: wait for Retry-After (or a second), then go on.
                failures++;
                var wait = failed.RetryAfter is { } until ? until - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1);
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, ct);
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(45))
            {
                throw new TimeoutException($"{name}: the backlog was not drained in 45 minutes.");
            }
        }
        var elapsed = clock.Elapsed;
        var requests = pacer.Requests;
        var counters = scenario.Throttle.Snapshot();
        var left = (await cycle.RunAsync(ct)).Seen;
        var outcome = await scenario.OutcomeAsync(sent.Select(s => s.RequestId).ToHashSet(), [.. mails.Select(m => m.MessageId!)], ct);
        Console.WriteLine($"{name}: drained in {elapsed.TotalSeconds:N1} s, {cycles} cycles ({failures} stopped by Graph).");
        foreach (var (kind, rows) in outcome.ByOutcome.OrderByDescending(o => o.Value))
        {
            Console.WriteLine($"  - {rows:N0} {kind}");
        }
        return new DrainResult(mails.Count, elapsed, cycles, failures, requests, counters.Sum(c => c.RequestsInWindow), counters.Sum(c => c.ThrottledCount),
            left, outcome);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}

/// <summary>One drained backlog: how long, how many Graph requests (the pacer's and the sandbox's window), 429s, what is left and what became of it.</summary>
internal sealed record DrainResult(int Replies, TimeSpan Elapsed, int Cycles, int StoppedCycles, long Requests, long SandboxWindowRequests,
    long Throttled, int LeftInFolder, Outcome Outcome)
{
    public double RepliesPerSecond => Replies / Elapsed.TotalSeconds;

    /// <summary>Replies without a processed row.</summary>
    public int Lost => Math.Max(0, Replies - Outcome.Rows) + LeftInFolder;

    /// <summary>More decisions than replies, or an approver who decided a request twice.</summary>
    public int Double => Math.Max(0, Outcome.Decisions - Replies) + Outcome.DecidedTwice;

    public bool Sound => Lost == 0 && Double == 0;
}
