using FlexMail.Domain.Audit;
using Microsoft.Extensions.Logging;

namespace FlexMail.Domain.EmailTest;

/// <summary>What a click on Test Email Configuration did: a run (its report, stored), or the problem that kept it from running.</summary>
public sealed record EmailConfigurationTestOutcome(EmailConfigurationTestReport? Report, EmailConfigurationTestRun? Run, Problem? Problem)
{
    public static EmailConfigurationTestOutcome Ran(EmailConfigurationTestReport report, EmailConfigurationTestRun run) => new(report, run, null);

    public static EmailConfigurationTestOutcome CannotRun(Problem problem) => new(null, null, problem);
}

/// <summary>Test Email Configuration as the portal offers it: on the saved settings, with its result kept.</summary>
public interface IEmailConfigurationTestRunner
{
    /// <summary>Where the test mail goes unless the admin names another recipient (the saved SMTP From Address).</summary>
    Task<string> DefaultRecipientAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Tests the saved configuration, reporting each step to <paramref name="progress"/> as it finishes, and stores the
    /// result. <paramref name="recipient"/> empty sends the test mail to the SMTP From Address.
    /// </summary>
    Task<EmailConfigurationTestOutcome> RunAsync(string? recipient, Actor requestedBy, IProgress<TestStepResult>? progress, CancellationToken cancellationToken);

    /// <summary>The last stored run, or null when the configuration was never tested.</summary>
    Task<EmailConfigurationTestRun?> LastRunAsync(CancellationToken cancellationToken);
}

/// <summary>Runs <see cref="EmailConfigurationTest"/> on the saved settings and keeps the result.</summary>
public sealed class EmailConfigurationTestRunner(
    EmailConfigurationTestSetup setup, EmailConfigurationTest test, EmailConfigurationTestHistory history, ILogger<EmailConfigurationTestRunner> logger)
    : IEmailConfigurationTestRunner
{
    public Task<string> DefaultRecipientAsync(CancellationToken cancellationToken) => setup.DefaultRecipientAsync(cancellationToken);

    public async Task<EmailConfigurationTestOutcome> RunAsync(string? recipient, Actor requestedBy, IProgress<TestStepResult>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestedBy);
        using var prepared = await setup.PrepareAsync(recipient, cancellationToken);
        if (prepared.Problem is { } problem)
        {
            EmailConfigurationTestLog.CannotRun(logger, problem.Cause);
            return EmailConfigurationTestOutcome.CannotRun(problem);
        }
        var request = prepared.Request! with { RequestedBy = requestedBy.Name };
        var report = await test.RunAsync(request, progress, cancellationToken);
        var run = await history.SaveAsync(EmailConfigurationTestRun.From(report, requestedBy, request.TestRecipient), cancellationToken);
        return EmailConfigurationTestOutcome.Ran(report, run);
    }

    public Task<EmailConfigurationTestRun?> LastRunAsync(CancellationToken cancellationToken) => history.LastAsync(cancellationToken);
}
