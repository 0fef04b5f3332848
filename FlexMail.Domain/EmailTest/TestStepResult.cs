namespace FlexMail.Domain.EmailTest;

/// <summary>The steps of Test Email Configuration, in the order they run.</summary>
public enum TestStep
{
    AcquireToken,
    WhoAmI,
    SendTestMail,
    OpenReplyFolder,
    ReadOneMessage,
}

/// <summary>How a step (or the whole test) went.</summary>
public enum TestVerdict
{
    Passed,

    /// <summary>It worked, but something looks wrong (for example another user is signed in than the SMTP User).</summary>
    Warning,

    Failed,

    /// <summary>Not run: an earlier step it needs failed, or it does not apply (no signed-in user with application permissions).</summary>
    Skipped,
}

/// <summary>
/// One step's outcome: its verdict, how long it took, a one-line summary of what it found and, when it failed or
/// warned, the plain-language cause and fix.
/// </summary>
public sealed record TestStepResult(TestStep Step, TestVerdict Verdict, TimeSpan Duration, string Summary)
{
    /// <summary>The step's name as the test shows it ("Acquire token" ...).</summary>
    public string Name => Names(Step);

    public string? Cause { get; init; }

    public string? Fix { get; init; }

    /// <summary>The error code behind a failure: <c>AADSTS7000215</c>, <c>ErrorSendAsDenied</c> ...; null when there is none.</summary>
    public string? Code { get; init; }

    /// <summary>When to try again, for a throttled or unavailable service.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    public static string Names(TestStep step) => step switch
    {
        TestStep.AcquireToken => "Acquire token",
        TestStep.WhoAmI => "Who am I",
        TestStep.SendTestMail => "Send a test mail",
        TestStep.OpenReplyFolder => "Open the reply folder",
        _ => "Read one message",
    };
}
