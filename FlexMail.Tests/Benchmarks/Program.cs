using BenchmarkDotNet.Running;
using FlexMail.Benchmarks.Backlog;
using FlexMail.Benchmarks.Inbox;

namespace FlexMail.Benchmarks;

/// <summary>
/// Runs FlexMail's benchmarks: <c>dotnet run -c Release --project FlexMail.Tests/Benchmarks -- parser</c> runs the reply
/// parser's; <c>backlog [--replies N] [--window-seconds W]</c> runs the reply monitor against the sandbox
/// (<see cref="BacklogRun"/>); <c>inbox [--replies N] [--subscribers S]</c> times the Live Inbox's queries and fan-out on a
/// large SQLite database (<see cref="InboxRun"/>); other arguments go to BenchmarkDotNet (<c>--job short</c>, <c>--list flat</c> …).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == "backlog")
        {
            return await BacklogRun.RunAsync(args[1..]);
        }
        if (args.FirstOrDefault() == "inbox")
        {
            return await InboxRun.RunAsync(args[1..]);
        }
        var arguments = args.SelectMany(arg => arg == "parser" ? new[] { "--filter", "*ReplyParserBenchmarks*" } : [arg]).ToArray();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments);
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            if (report.ResultStatistics is { } statistics)
            {
                Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: {RepliesPerSecondColumn.PerSecond(statistics.Mean):N0} replies/s per core");
            }
        }
        return 0;
    }
}
