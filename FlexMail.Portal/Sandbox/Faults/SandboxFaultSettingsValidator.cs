namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>The ranges the sandbox accepts for its fault settings.</summary>
public static class SandboxFaultSettingsValidator
{
    public const int MaxWindowSeconds = 3600;
    public const int MaxConcurrentRequestsLimit = 100;
    public const int MaxLatencyMilliseconds = 30_000;

    /// <summary>The first setting out of range, or <see cref="SandboxFaultSettingsResult.Saved"/> when all are valid.</summary>
    public static SandboxFaultSettingsResult Validate(SandboxFaultSettings settings)
    {
        if (settings.RequestBudget < 1)
        {
            return SandboxFaultSettingsResult.Invalid("Request budget", "Enter at least 1 request per window.");
        }
        if (settings.BudgetWindowSeconds is < 1 or > MaxWindowSeconds)
        {
            return SandboxFaultSettingsResult.Invalid("Budget window (seconds)", $"Enter a window from 1 to {MaxWindowSeconds} seconds.");
        }
        if (settings.MaxConcurrentRequests is < 1 or > MaxConcurrentRequestsLimit)
        {
            return SandboxFaultSettingsResult.Invalid("Concurrent requests", $"Enter from 1 to {MaxConcurrentRequestsLimit} concurrent requests.");
        }
        if (settings.ServiceUnavailablePercent is < 0 or > 100)
        {
            return SandboxFaultSettingsResult.Invalid("Service unavailable rate (%)", "Enter a percentage from 0 to 100.");
        }
        if (settings.AddedLatencyMilliseconds is < 0 or > MaxLatencyMilliseconds)
        {
            return SandboxFaultSettingsResult.Invalid("Added latency (ms)", $"Enter a delay from 0 to {MaxLatencyMilliseconds} milliseconds.");
        }
        return SandboxFaultSettingsResult.Saved;
    }
}
