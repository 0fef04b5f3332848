namespace FlexMail.Domain.Validation;

/// <summary>A save that was refused, nothing stored: the report says what to fix, field by field.</summary>
public sealed record ValidationProblem(ValidationReport Report)
    : Problem(ProblemCode, Report.ErrorFor(Saved.FormField) ?? FieldsCause, Field: FirstErrorField(Report))
{
    public const string ProblemCode = "ValidationFailed";

    public const string FieldsCause = "Nothing was saved: fix the fields marked in red; each says what is wrong.";

    /// <summary>The database refused the write (someone else saved at the same moment): nothing was saved.</summary>
    public static ValidationProblem ConcurrentChange(ValidationReport current) => new(current.Merge(new ValidationReportBuilder()
        .Error(Saved.FormField, "Someone else saved at the same moment, so nothing was saved. Check the values and save again.")
        .Build()));

    private static string? FirstErrorField(ValidationReport report) =>
        report.Issues.FirstOrDefault(issue => issue.Severity == IssueSeverity.Error)?.Field;
}
