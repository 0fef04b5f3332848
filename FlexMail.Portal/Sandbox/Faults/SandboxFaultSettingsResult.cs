namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// The outcome of changing the sandbox's fault settings: saved, or refused with the field at fault (its label on the
/// Faults page) and what to enter instead.
/// </summary>
public sealed record SandboxFaultSettingsResult(bool Succeeded, string? Field, string? Error)
{
    public static SandboxFaultSettingsResult Saved { get; } = new(true, null, null);

    public static SandboxFaultSettingsResult Invalid(string field, string error) => new(false, field, error);
}
