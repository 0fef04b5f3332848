using FlexMail.Domain.Audit;

namespace FlexMail.Domain.EmailTest;

/// <summary>
/// A finished Test Email Configuration, kept so the portal can show the last outcome: when, who asked, to whom the
/// test mail went, the verdict and every step's result. It holds what the admin saw on screen, never a token or secret.
/// </summary>
public sealed class EmailConfigurationTestRun
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The display name of who ran the test.</summary>
    public required string RequestedBy { get; set; }

    /// <summary>Their object id in the sign-in tenant.</summary>
    public string? RequestedById { get; set; }

    public required string Recipient { get; set; }

    public TestVerdict Verdict { get; set; }

    /// <summary>The steps in the order they ran (stored as JSON).</summary>
    public List<StoredTestStep> Steps { get; set; } = [];

    public static EmailConfigurationTestRun From(EmailConfigurationTestReport report, Actor requestedBy, string recipient) => new()
    {
        StartedAt = report.StartedAt,
        FinishedAt = report.FinishedAt,
        RequestedBy = requestedBy.Name,
        RequestedById = requestedBy.ObjectId,
        Recipient = recipient,
        Verdict = report.Verdict,
        Steps = [.. report.Steps.Select(StoredTestStep.From)],
    };
}

/// <summary>One step of a stored run, as shown: name, verdict, duration, summary and, on failure, cause, fix and code.</summary>
public sealed record StoredTestStep(
    TestStep Step, string Name, TestVerdict Verdict, long DurationMilliseconds, string Summary, string? Cause, string? Fix, string? Code)
{
    public static StoredTestStep From(TestStepResult result) => new(
        result.Step, result.Name, result.Verdict, (long)result.Duration.TotalMilliseconds, result.Summary, result.Cause, result.Fix, result.Code);
}
