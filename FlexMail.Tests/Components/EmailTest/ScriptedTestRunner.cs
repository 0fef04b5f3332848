using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;

namespace FlexMail.Tests.Components.EmailTest;

/// <summary>
/// A Test Email Configuration runner that reports the steps it is given at once, then waits until the test lets it
/// finish with a report (or answers a problem straight away).
/// </summary>
internal sealed class ScriptedTestRunner : IEmailConfigurationTestRunner
{
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    public string DefaultRecipient { get; init; } = "approvals@contoso.test";

    public EmailConfigurationTestRun? LastRun { get; set; }

    /// <summary>Reported before the run waits to be finished.</summary>
    public List<TestStepResult> StepsBeforeFinish { get; init; } = [];

    /// <summary>Reported after <see cref="Finish"/>; the report holds both lists.</summary>
    public List<TestStepResult> StepsAfterFinish { get; init; } = [];

    public Problem? Problem { get; init; }

    public List<string?> Recipients { get; } = [];

    public void Finish() => _finish.TrySetResult();

    public Task<string> DefaultRecipientAsync(CancellationToken cancellationToken) => Task.FromResult(DefaultRecipient);

    public Task<EmailConfigurationTestRun?> LastRunAsync(CancellationToken cancellationToken) => Task.FromResult(LastRun);

    public async Task<EmailConfigurationTestOutcome> RunAsync(string? recipient, Actor requestedBy, IProgress<TestStepResult>? progress,
        CancellationToken cancellationToken)
    {
        Recipients.Add(recipient);
        if (Problem is not null)
        {
            return EmailConfigurationTestOutcome.CannotRun(Problem);
        }
        StepsBeforeFinish.ForEach(step => progress?.Report(step));
        await _finish.Task.WaitAsync(cancellationToken);
        StepsAfterFinish.ForEach(step => progress?.Report(step));
        var report = new EmailConfigurationTestReport(Start, Start.AddSeconds(2), [.. StepsBeforeFinish, .. StepsAfterFinish]);
        LastRun = EmailConfigurationTestRun.From(report, requestedBy, recipient ?? DefaultRecipient);
        return EmailConfigurationTestOutcome.Ran(report, LastRun);
    }

    public static TestStepResult Step(TestStep step, TestVerdict verdict, string summary, int milliseconds = 120) =>
        new(step, verdict, TimeSpan.FromMilliseconds(milliseconds), summary);
}
