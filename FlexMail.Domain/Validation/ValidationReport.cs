namespace FlexMail.Domain.Validation;

public enum IssueSeverity
{
    Warning = 0,
    Error = 1,
}

/// <summary>One finding about one field, in words an admin can act on.</summary>
public sealed record ValidationIssue(string Field, IssueSeverity Severity, string Message);

/// <summary>What a validator found: errors block saving, warnings are shown but allow it.</summary>
public sealed class ValidationReport
{
    public static readonly ValidationReport Valid = new([]);

    public ValidationReport(IReadOnlyList<ValidationIssue> issues) => Issues = issues;

    public IReadOnlyList<ValidationIssue> Issues { get; }

    public bool HasErrors => Issues.Any(issue => issue.Severity == IssueSeverity.Error);

    public bool HasWarnings => Issues.Any(issue => issue.Severity == IssueSeverity.Warning);

    public bool HasError(string field) => ErrorFor(field) is not null;

    public string? ErrorFor(string field) =>
        Issues.FirstOrDefault(issue => issue.Field == field && issue.Severity == IssueSeverity.Error)?.Message;

    public string? WarningFor(string field) =>
        Issues.FirstOrDefault(issue => issue.Field == field && issue.Severity == IssueSeverity.Warning)?.Message;

    /// <summary>Only the issues about the given fields (a wizard step's share of the report).</summary>
    public ValidationReport Only(IEnumerable<string> fields)
    {
        var wanted = fields.ToHashSet(StringComparer.Ordinal);
        return new ValidationReport([.. Issues.Where(issue => wanted.Contains(issue.Field))]);
    }

    public ValidationReport Merge(ValidationReport other) => new([.. Issues, .. other.Issues]);
}

/// <summary>Collects issues while a validator runs.</summary>
public sealed class ValidationReportBuilder
{
    private readonly List<ValidationIssue> _issues = [];

    public ValidationReportBuilder Error(string field, string message)
    {
        _issues.Add(new ValidationIssue(field, IssueSeverity.Error, message));
        return this;
    }

    public ValidationReportBuilder Warning(string field, string message)
    {
        _issues.Add(new ValidationIssue(field, IssueSeverity.Warning, message));
        return this;
    }

    public ValidationReport Build() => _issues.Count == 0 ? ValidationReport.Valid : new ValidationReport([.. _issues]);
}
