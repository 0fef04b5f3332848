using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>Step 5: Test Email Configuration on the saved settings, stored like a click on its button; the test mail goes to the SMTP From Address.</summary>
public sealed class TestConfigurationStep(IEmailConfigurationTestRunner tests)
{
    public async Task<QuickSetupStepResult> RunAsync(Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await tests.RunAsync(null, actor, progress: null, cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return QuickSetupStepResult.Failed(QuickSetupStep.TestConfiguration, problem.Cause, problem.Fix);
        }
        var report = outcome.Report!;
        var steps = string.Join(", ", report.Steps.Select(s => $"{s.Name}: {s.Verdict}"));
        if (report.Verdict == TestVerdict.Failed)
        {
            var failed = report.Steps.First(s => s.Verdict == TestVerdict.Failed);
            return QuickSetupStepResult.Failed(QuickSetupStep.TestConfiguration,
                $"Test Email Configuration failed at \"{failed.Name}\": {failed.Cause ?? failed.Summary}",
                failed.Fix ?? "Open Email Settings and run Test Email Configuration to see every step.");
        }
        return new QuickSetupStepResult(QuickSetupStep.TestConfiguration, report.Verdict, $"Test Email Configuration {VerdictWord(report.Verdict)} ({steps}).");
    }

    private static string VerdictWord(TestVerdict verdict) => verdict == TestVerdict.Passed ? "passed" : "passed with warnings";
}
