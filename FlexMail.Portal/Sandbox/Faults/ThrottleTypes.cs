namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>What Exchange Online throttles on: one app's requests to one mailbox (identified by its UPN, lower case).</summary>
public readonly record struct ThrottleKey(Guid AppId, string Mailbox);

/// <summary>The per app + mailbox limits in force.</summary>
public sealed record ThrottleLimits(int RequestBudget, TimeSpan Window, int MaxConcurrentRequests)
{
    public static ThrottleLimits From(SandboxFaultSettings settings) =>
        new(settings.RequestBudget, TimeSpan.FromSeconds(settings.BudgetWindowSeconds), settings.MaxConcurrentRequests);
}

/// <summary>Which limit refused a request.</summary>
public enum ThrottleLimit
{
    /// <summary>More requests in the window than the budget allows.</summary>
    RequestsPerWindow,

    /// <summary>More requests in flight at once than allowed.</summary>
    Concurrency,
}

/// <summary>
/// The limiter's answer: allowed, with a lease to dispose when the request completes; or refused, with the app and
/// mailbox that are over which limit and how long to wait.
/// </summary>
public sealed record ThrottleDecision(IDisposable? Lease, ThrottleKey? Key, ThrottleLimit? Limit, TimeSpan RetryAfter)
{
    public bool Allowed => Lease is not null;

    public static ThrottleDecision Allow(IDisposable lease) => new(lease, null, null, TimeSpan.Zero);

    public static ThrottleDecision Refuse(ThrottleKey key, ThrottleLimit limit, TimeSpan retryAfter) => new(null, key, limit, retryAfter);
}

/// <summary>One app + mailbox's counters, for the Faults page.</summary>
public sealed record SandboxThrottleCounters(
    Guid AppId,
    string Mailbox,
    int RequestsInWindow,
    int InFlight,
    long ThrottledCount,
    DateTimeOffset? LastThrottledAt);
