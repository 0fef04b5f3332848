namespace FlexMail.Domain.Validation;

/// <summary>One field of a form as a person sees it: its form field, its label and its value in words.</summary>
public sealed record ShownValue(string Field, string Label, string Value);

/// <summary>
/// The refusal of a save made on an out-of-date copy: someone else saved the same item after this person opened it. It
/// names each field the other person changed with their value, so that nothing is overwritten unseen; the form keeps
/// what this person typed.
/// </summary>
public static class ConcurrentEdit
{
    /// <summary>The problem's code (for programs).</summary>
    public const string Code = "ConcurrentEdit";

    /// <param name="item">What was edited, for the sentence ("the email settings").</param>
    /// <param name="loaded">The fields as this person opened them.</param>
    /// <param name="current">The fields as saved now.</param>
    public static ValidationProblem Refused(string item, IReadOnlyList<ShownValue> loaded, IReadOnlyList<ShownValue> current)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(current);
        var before = loaded.ToDictionary(value => value.Label, value => value.Value, StringComparer.Ordinal);
        var changed = current.Where(value => !before.TryGetValue(value.Label, out var was) || was != value.Value).ToList();
        var report = new ValidationReportBuilder();
        var what = changed.Count == 0
            ? "nothing you can see changed"
            : "they changed " + string.Join("; ", changed.Select(value => $"{value.Label} to {Quote(value.Value)}"));
        report.Error(Saved.FormField,
            $"Someone else saved {item} after you opened them, so nothing was saved: {what}. Your values are still in the form: " +
            "check them against theirs, then Save again to replace theirs.");
        foreach (var value in changed)
        {
            report.Error(value.Field, $"Someone else changed this to {Quote(value.Value)} after you opened the page" +
                (before.TryGetValue(value.Label, out var was) ? $" (it was {Quote(was)})." : "."));
        }
        return new ValidationProblem(report.Build());
    }

    private static string Quote(string value) => value.Length == 0 ? "(empty)" : $"\"{value}\"";
}
