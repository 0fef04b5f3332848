using System.Diagnostics;
using System.Globalization;
using FlexMail.Domain.Approvals.Replies;

namespace FlexMail.Benchmarks.Inbox;

/// <summary>
/// <c>inbox [--replies N] [--requests R] [--iterations I] [--subscribers S] [--seconds T] [--rollback-journal]</c>: the Live Inbox's reads on
/// a SQLite database holding N processed replies (R requests, 30 days). Times the first page, each filter, the re-query
/// of changed ids and today's counts (I iterations each, after 3 unmeasured), then S subscribers following a reply
/// recorded every 100 ms for T seconds (<see cref="InboxFanOut"/>); <c>--rollback-journal</c> runs it all on SQLite's rollback journal instead of the write-ahead log the migrator sets. Prints
/// Markdown tables.
/// </summary>
internal static class InboxRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var replies = Option(args, "--replies", 100_000);
        var requests = Option(args, "--requests", 500);
        var iterations = Option(args, "--iterations", 50);
        var subscribers = Option(args, "--subscribers", 200);
        var seconds = Option(args, "--seconds", 30);
        var rollbackJournal = args.Contains("--rollback-journal");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = stop.Token;

        var seeding = Stopwatch.StartNew();
        await using var database = await InboxDatabase.CreateAsync(replies, requests, rollbackJournal, ct);
        Console.WriteLine($"Live Inbox: {replies:N0} processed replies for {requests:N0} requests over {InboxDatabase.Days} days seeded in "
            + $"{seeding.Elapsed.TotalSeconds:N1} s (SQLite journal mode {database.JournalMode}).");

        var queries = database.Get<ReplyQueries>();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(11);
        IReadOnlyCollection<Guid> FiveIds() => [.. Enumerable.Range(0, 5).Select(_ => database.ReplyIds[random.Next(database.ReplyIds.Count)])];
        var sender = InboxDatabase.Approvers[^1];
        var list = new (string Name, Func<Task<int>> Run)[]
        {
            ("First page: ListAsync(Take = 50)", async () => (await queries.ListAsync(new ReplyListQuery(), ct)).TotalCount),
            ("Filter: outcome = NoDecision", async () => (await queries.ListAsync(new ReplyListQuery { Outcome = ReplyOutcome.NoDecision }, ct)).TotalCount),
            ($"Filter: sender = {sender}", async () => (await queries.ListAsync(new ReplyListQuery { Sender = sender }, ct)).TotalCount),
            ("Filter: text = \"release\"", async () => (await queries.ListAsync(new ReplyListQuery { Text = "release" }, ct)).TotalCount),
            ("Filter: request id (the busiest)", async () => (await queries.ListAsync(new ReplyListQuery { ApprovalRequestId = database.RequestIds[0] }, ct)).TotalCount),
            ("Filter: date range (2 days)", async () => (await queries.ListAsync(new ReplyListQuery { Since = now.AddDays(-12), Until = now.AddDays(-10) }, ct)).TotalCount),
            ("FindAsync(default filter, 5 ids)", async () => (await queries.FindAsync(new ReplyListQuery(), FiveIds(), ct)).Count),
            ("FindAsync(text = \"release\", 5 ids)", async () => (await queries.FindAsync(new ReplyListQuery { Text = "release" }, FiveIds(), ct)).Count),
            ("CountTodayAsync", async () => (await queries.CountTodayAsync(ct)).ByOutcome.Values.Sum()),
        };

        Console.WriteLine();
        Console.WriteLine($"| Live Inbox query ({replies:N0} rows, {iterations} runs each) | Rows matched | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, run) in list)
        {
            var (matched, timings) = await MeasureAsync(run, iterations);
            Console.WriteLine($"| {name} | {matched:N0} | {Percentile(timings, 0.50):N2} | {Percentile(timings, 0.95):N2} | {timings[^1]:N2} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Fan-out: {subscribers} subscribers, a reply recorded every 100 ms for {seconds} s…");
        var fan = await InboxFanOut.RunAsync(database, subscribers, TimeSpan.FromSeconds(seconds), TimeSpan.FromMilliseconds(100), ct);
        Console.WriteLine();
        Console.WriteLine($"| Live Inbox fan-out ({fan.Subscribers} subscribers, {fan.Replies} replies in {fan.Wall.TotalSeconds:N1} s) | Value |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| Changes published (per subscriber) | {fan.Changes / Math.Max(1, fan.Subscribers):N0} |");
        Console.WriteLine($"| p50 commit → subscriber's FindAsync done | {fan.P50:N1} ms |");
        Console.WriteLine($"| p95 | {fan.P95:N1} ms |");
        Console.WriteLine($"| max | {fan.Max:N1} ms |");
        Console.WriteLine($"| One publish, first read → last subscriber done: p50 / p95 | {fan.PublishP50:N1} / {fan.PublishP95:N1} ms |");
        Console.WriteLine($"| Deliveries missed | {fan.Missed:N0} |");
        Console.WriteLine($"| Process CPU / wall | {fan.Cpu.TotalSeconds:N1} s / {fan.Wall.TotalSeconds:N1} s = {fan.Cpu / fan.Wall:N2} cores |");
        Console.WriteLine($"| Allocated per subscriber (whole run) | {fan.AllocatedPerSubscriber / 1024:N0} KB ({fan.AllocatedPerSubscriber / Math.Max(1, fan.Replies) / 1024:N1} KB per reply) |");
        Console.WriteLine($"| Retained per open subscriber (first page held) | {fan.RetainedPerSubscriber / 1024:N1} KB |");
        Console.WriteLine();
        return fan.Missed == 0 ? 0 : 1;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Three unmeasured runs, then <paramref name="iterations"/> timed ones (sorted, milliseconds); the last run's row count.</summary>
    private static async Task<(int Matched, List<double> Timings)> MeasureAsync(Func<Task<int>> run, int iterations)
    {
        var matched = 0;
        for (var i = 0; i < 3; i++)
        {
            matched = await run();
        }
        var timings = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            matched = await run();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        timings.Sort();
        return (matched, timings);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
