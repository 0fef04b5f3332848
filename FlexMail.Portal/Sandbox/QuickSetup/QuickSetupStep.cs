using FlexMail.Domain.EmailTest;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>The steps of the quick setup, in the order a newcomer takes them by hand.</summary>
public enum QuickSetupStep
{
    RegisterApp,
    CreateSecret,
    SaveSettings,
    AuthorizeServiceUser,
    TestConfiguration,
}

/// <summary>What one step did: its verdict (shown as word and icon), what it found in plain words, and the fix of a failure.</summary>
public sealed record QuickSetupStepResult(QuickSetupStep Step, TestVerdict Verdict, string Summary, string? Fix = null)
{
    public string Title => QuickSetupSteps.Title(Step);

    public static QuickSetupStepResult Passed(QuickSetupStep step, string summary) => new(step, TestVerdict.Passed, summary);

    public static QuickSetupStepResult Failed(QuickSetupStep step, string cause, string fix) => new(step, TestVerdict.Failed, cause, fix);

    public static QuickSetupStepResult Skipped(QuickSetupStep step, string why) => new(step, TestVerdict.Skipped, why);
}

/// <summary>Titles of the steps, as the panel lists them before they run.</summary>
public static class QuickSetupSteps
{
    public static IReadOnlyList<QuickSetupStep> All { get; } = Enum.GetValues<QuickSetupStep>();

    public static string Title(QuickSetupStep step) => step switch
    {
        QuickSetupStep.RegisterApp => "Register the app in the sandbox",
        QuickSetupStep.CreateSecret => "Make a client secret",
        QuickSetupStep.SaveSettings => "Save the OAuth application and email settings",
        QuickSetupStep.AuthorizeServiceUser => "Authorize the service user",
        _ => "Test Email Configuration",
    };
}

/// <summary>
/// How a quick setup ended: every step's result, or <see cref="Refused"/> (a real setup exists and replacing it was not
/// allowed; nothing was changed).
/// </summary>
public sealed record QuickSetupReport(IReadOnlyList<QuickSetupStepResult> Steps, RealSetup? Refused = null)
{
    /// <summary>True when no step failed and the setup was not refused.</summary>
    public bool Succeeded => Refused is null && Steps.Count > 0 && Steps.All(s => s.Verdict != TestVerdict.Failed);
}
