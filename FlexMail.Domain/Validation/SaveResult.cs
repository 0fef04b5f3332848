namespace FlexMail.Domain.Validation;

/// <summary>The outcome of a save: the saved item's id, or the report of what blocked it (nothing was saved then).</summary>
public sealed record SaveResult(Guid? Id, ValidationReport Report)
{
    public bool Saved => Id is not null && !Report.HasErrors;

    /// <summary>Findings about the whole form rather than one field.</summary>
    public const string FormField = "";

    public static SaveResult Refused(ValidationReport report) => new(null, report);

    /// <summary>The database refused the write (another admin saved at the same moment): nothing was saved.</summary>
    public static ValidationReport ConcurrentChange(ValidationReport current) => current.Merge(new ValidationReportBuilder()
        .Error(FormField, "Someone else saved at the same moment, so nothing was saved. Check the values and save again.")
        .Build());

    /// <summary>The message for the whole form, or <paramref name="fallback"/>.</summary>
    public string Problem(string fallback) => Report.ErrorFor(FormField) ?? fallback;
}

/// <summary>The outcome of a delete: done, or refused with the reason in plain words.</summary>
public sealed record DeleteResult(bool Deleted, string? RefusedBecause)
{
    public static readonly DeleteResult Done = new(true, null);

    public static DeleteResult Refused(string reason) => new(false, reason);
}
