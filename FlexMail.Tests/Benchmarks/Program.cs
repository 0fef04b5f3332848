using BenchmarkDotNet.Running;

namespace FlexMail.Benchmarks;

/// <summary>
/// Runs FlexMail's benchmarks: <c>dotnet run -c Release --project FlexMail.Tests/Benchmarks -- parser</c> runs the reply
/// parser's; other arguments go to BenchmarkDotNet (<c>--job short</c>, <c>--list flat</c> …).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var arguments = args.SelectMany(arg => arg == "parser" ? new[] { "--filter", "*ReplyParserBenchmarks*" } : [arg]).ToArray();
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments);
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            if (report.ResultStatistics is { } statistics)
            {
                Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: {RepliesPerSecondColumn.PerSecond(statistics.Mean):N0} replies/s per core");
            }
        }
    }
}
