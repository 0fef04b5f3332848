namespace FlexMail.Domain.Validation;

/// <summary>The outcome of a save: the saved item's id, or the report of what blocked it (nothing was saved then).</summary>
public sealed record SaveResult(Guid? Id, ValidationReport Report)
{
    public bool Saved => Id is not null && !Report.HasErrors;

    public static SaveResult Refused(ValidationReport report) => new(null, report);
}

/// <summary>The outcome of a delete: done, or refused with the reason in plain words.</summary>
public sealed record DeleteResult(bool Deleted, string? RefusedBecause)
{
    public static readonly DeleteResult Done = new(true, null);

    public static DeleteResult Refused(string reason) => new(false, reason);
}
