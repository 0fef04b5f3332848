namespace FlexMail.Domain.Validation;

/// <summary>What a save stored: the item's id (<see cref="Guid.Empty"/> for the one settings row), and the report it passed (its warnings stay on the form).</summary>
public sealed record Saved(Guid Id, ValidationReport Report)
{
    /// <summary>Findings about the whole form rather than one field.</summary>
    public const string FormField = "";
}

/// <summary>Reads what a form shows after a save, whichever way it went.</summary>
public static class SavedResults
{
    /// <summary>The report to show: the saved item's warnings, or every finding that refused the save.</summary>
    public static ValidationReport Report(this Result<Saved> result) => result switch
    {
        { Succeeded: true } => result.Value.Report,
        { Problem: ValidationProblem refused } => refused.Report,
        _ => new ValidationReportBuilder().Error(result.Problem!.Field ?? Saved.FormField, result.Problem.ToString()).Build(),
    };
}
