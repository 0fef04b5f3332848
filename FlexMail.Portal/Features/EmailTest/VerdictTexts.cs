using System.Globalization;
using FlexMail.Domain.EmailTest;
using MudBlazor;

namespace FlexMail.Portal.Features.EmailTest;

/// <summary>How Test Email Configuration's verdicts, times and durations are shown.</summary>
internal static class VerdictTexts
{
    public static string Word(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Passed => "Passed",
        TestVerdict.Warning => "Warning",
        TestVerdict.Failed => "Failed",
        _ => "Skipped",
    };

    public static string Icon(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Passed => Icons.Material.Filled.CheckCircle,
        TestVerdict.Warning => Icons.Material.Filled.Warning,
        TestVerdict.Failed => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Filled.RemoveCircleOutline,
    };

    public static Color Color(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Passed => MudBlazor.Color.Success,
        TestVerdict.Warning => MudBlazor.Color.Warning,
        TestVerdict.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static Severity Severity(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Passed => MudBlazor.Severity.Success,
        TestVerdict.Warning => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Error,
    };

    /// <summary>What the whole test's verdict means, said after "Test result: {Word}." (so it does not repeat the word).</summary>
    public static string Overall(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Passed => "Every step worked.",
        TestVerdict.Warning => "Mail works, but check the steps marked Warning.",
        _ => "Each step marked Failed says why and how to fix it. Fix, save, and test again.",
    };

    /// <summary>The outcome as the "Last test" line says it.</summary>
    public static string Outcome(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Passed => "passed",
        TestVerdict.Warning => "passed with warnings",
        _ => "failed",
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 1
        ? $"{(long)duration.TotalMilliseconds} ms"
        : $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
