namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// Faults the sandbox's Graph injects on demand. Throttling follows Exchange Online's per app + mailbox limits
/// (10,000 requests per 10 minutes, 4 concurrent requests); a smaller budget makes it easy to hit.
/// </summary>
public sealed class SandboxFaultSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public bool ThrottlingEnabled { get; set; } = true;

    /// <summary>Requests an app may make to one mailbox per window before 429.</summary>
    public int RequestBudget { get; set; } = 10_000;

    public int BudgetWindowSeconds { get; set; } = 600;

    /// <summary>Requests an app may have in flight against one mailbox at once before 429.</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Percentage (0–100) of Graph requests answered 503 Service Unavailable.</summary>
    public int ServiceUnavailablePercent { get; set; }

    /// <summary>Delay added to every Graph response, in milliseconds.</summary>
    public int AddedLatencyMilliseconds { get; set; }
}
