using FlexMail.Domain.Validation;

namespace FlexMail.Portal.Components.Shared;

/// <summary>A step's or section's state as its chip shows it.</summary>
public enum StepStatus
{
    Ok,
    Warning,
    Error,
}

public static class StepStatusExtensions
{
    public static StepStatus ToStatus(this ValidationReport report) =>
        report.HasErrors ? StepStatus.Error : report.HasWarnings ? StepStatus.Warning : StepStatus.Ok;
}
