using System.Globalization;

namespace FlexMail.Benchmarks.Backlog;

/// <summary>Prints the backlog run's results as one table (Markdown, so it can be pasted as it is).</summary>
internal static class BacklogTable
{
    public static void Print(int replies, int budget, int window, DrainResult throttled, DrainResult free, LatencyResult latency)
    {
        var ceiling = (double)budget / window;
        var rows = new List<(string, string, string)>
        {
            ("Replies drained", N(throttled.Replies), N(free.Replies)),
            ("Elapsed", $"{throttled.Elapsed.TotalSeconds:N1} s", $"{free.Elapsed.TotalSeconds:N1} s"),
            ("Replies per second", $"{throttled.RepliesPerSecond:N1}", $"{free.RepliesPerSecond:N1}"),
            ("Cycles (stopped by Graph)", $"{throttled.Cycles} ({throttled.StoppedCycles})", $"{free.Cycles} ({free.StoppedCycles})"),
            ("Graph requests (pacer)", N(throttled.Requests), N(free.Requests)),
            ("Graph requests per reply", $"{(double)throttled.Requests / throttled.Replies:N3}", $"{(double)free.Requests / free.Replies:N3}"),
            ($"Sandbox requests in its last {window} s", N(throttled.SandboxWindowRequests), "(not counted)"),
            ($"Share of ceiling ({budget:N0}/{window} s)", $"{throttled.Requests / (throttled.Elapsed.TotalSeconds * ceiling):P1}",
                $"{free.Requests / (free.Elapsed.TotalSeconds * ceiling):P0}"),
            ("429s (sandbox ThrottledCount)", N(throttled.Throttled), N(free.Throttled)),
            ("Lost (no processed row)", N(throttled.Lost), N(free.Lost)),
            ("Double (decided twice)", N(throttled.Double), N(free.Double)),
            ("Decisions recorded", N(throttled.Outcome.Decisions), N(free.Outcome.Decisions)),
            ("Rows: Approved / Rejected / Late / other", Kinds(throttled.Outcome), Kinds(free.Outcome)),
        };
        Console.WriteLine();
        Console.WriteLine($"| Reply backlog ({N(replies)} replies, window {window} s) | Throttled like Outlook | Unthrottled |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, a, b) in rows)
        {
            Console.WriteLine($"| {name} | {a} | {b} |");
        }
        Console.WriteLine();
        Console.WriteLine($"| Latency, 5 s poll ({latency.Replies} replies one at a time) | Seconds |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| p50 delivery → ProcessedAt | {latency.P50:N2} |");
        Console.WriteLine($"| p95 (target ≤ 6 s) | {latency.P95:N2} |");
        Console.WriteLine($"| max | {latency.Max:N2} |");
        Console.WriteLine($"| lost | {latency.Lost} |");
        Console.WriteLine();
    }

    // Late: the request was already rejected when the reply was read (replies delivered together have no fixed order).
    private static string Kinds(Outcome outcome)
    {
        int Count(Func<string, bool> which) => outcome.ByOutcome.Where(o => which(o.Key)).Sum(o => o.Value);
        var approved = Count(k => k == "Approved");
        var rejected = Count(k => k == "Rejected");
        var late = Count(k => k.StartsWith("Late", StringComparison.Ordinal));
        return $"{N(approved)} / {N(rejected)} / {N(late)} / {N(outcome.Rows - approved - rejected - late)}";
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
