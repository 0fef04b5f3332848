namespace FlexMail.Domain.EmailTest;

/// <summary>What Test Email Configuration found: when it ran, every step's result and the overall verdict.</summary>
public sealed record EmailConfigurationTestReport(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<TestStepResult> Steps)
{
    /// <summary>
    /// Failed when any step failed, Warning when any warned, else Passed. Skipped steps count for nothing on their own:
    /// a step is skipped only after a failure, or when it does not apply.
    /// </summary>
    public TestVerdict Verdict =>
        Steps.Any(s => s.Verdict == TestVerdict.Failed) ? TestVerdict.Failed
        : Steps.Any(s => s.Verdict == TestVerdict.Warning) ? TestVerdict.Warning
        : TestVerdict.Passed;

    public TimeSpan Duration => FinishedAt - StartedAt;

    public TestStepResult this[TestStep step] => Steps.Single(s => s.Step == step);
}
