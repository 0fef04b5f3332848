using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FlexMail.Benchmarks;

/// <summary>Replies parsed per second on one core: 1e9 / mean nanoseconds per parse.</summary>
public sealed class RepliesPerSecondColumn : IColumn
{
    public string Id => nameof(RepliesPerSecondColumn);

    public string ColumnName => "Replies/s per core";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Replies parsed per second on one core (1e9 / Mean in ns)";

    public static double PerSecond(double meanNanoseconds) => meanNanoseconds > 0 ? 1e9 / meanNanoseconds : 0;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { } statistics
            ? PerSecond(statistics.Mean).ToString("N0", CultureInfo.InvariantCulture)
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
