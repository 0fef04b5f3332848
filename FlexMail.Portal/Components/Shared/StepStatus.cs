using FlexMail.Domain.Validation;

namespace FlexMail.Portal.Components.Shared;

/// <summary>A step's or section's state as its chip shows it.</summary>
public enum StepStatus
{
    Ok,
    Warning,
    Error,

    /// <summary>Not done yet, and nothing wrong with it so far (a step not reached, a setup not saved, authorized or tested yet).</summary>
    ToDo,
}

public static class StepStatusExtensions
{
    public static StepStatus ToStatus(this ValidationReport report) =>
        report.HasErrors ? StepStatus.Error : report.HasWarnings ? StepStatus.Warning : StepStatus.Ok;
}
