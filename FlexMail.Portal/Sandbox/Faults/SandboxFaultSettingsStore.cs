using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// Reads and saves the single <see cref="SandboxFaultSettings"/> row for the Faults page. Validation refuses values
/// that would make the sandbox's Graph unusable or meaningless, and says why.
/// </summary>
public sealed class SandboxFaultSettingsStore(IDbContextFactory<SandboxDbContext> contexts)
{
    public const int MaxAddedLatencyMilliseconds = 60_000;

    public async Task<SandboxFaultSettings> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FaultSettings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == SandboxFaultSettings.SingletonId, cancellationToken)
            ?? new SandboxFaultSettings();
    }

    /// <summary>Field name → what is wrong; empty when the settings can be saved.</summary>
    public static IReadOnlyDictionary<string, string> Validate(SandboxFaultSettings settings)
    {
        var problems = new Dictionary<string, string>();
        if (settings.RequestBudget < 1)
        {
            problems[nameof(settings.RequestBudget)] = "Request budget must be at least 1 request (Exchange Online allows 10000).";
        }
        if (settings.BudgetWindowSeconds < 1)
        {
            problems[nameof(settings.BudgetWindowSeconds)] = "Budget window must be at least 1 second (Exchange Online uses 600).";
        }
        if (settings.MaxConcurrentRequests < 1)
        {
            problems[nameof(settings.MaxConcurrentRequests)] = "Concurrent requests must be at least 1 (Exchange Online allows 4).";
        }
        if (settings.ServiceUnavailablePercent is < 0 or > 100)
        {
            problems[nameof(settings.ServiceUnavailablePercent)] = "Service unavailable rate is a percentage from 0 to 100.";
        }
        if (settings.AddedLatencyMilliseconds is < 0 or > MaxAddedLatencyMilliseconds)
        {
            problems[nameof(settings.AddedLatencyMilliseconds)] = $"Added latency must be from 0 to {MaxAddedLatencyMilliseconds} ms.";
        }
        return problems;
    }

    /// <summary>Saves the settings when valid; returns the problems otherwise (nothing is saved then).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(SandboxFaultSettings settings, CancellationToken cancellationToken)
    {
        var problems = Validate(settings);
        if (problems.Count > 0)
        {
            return problems;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.FaultSettings.SingleOrDefaultAsync(f => f.Id == SandboxFaultSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            db.FaultSettings.Add(row = new SandboxFaultSettings());
        }
        row.ThrottlingEnabled = settings.ThrottlingEnabled;
        row.RequestBudget = settings.RequestBudget;
        row.BudgetWindowSeconds = settings.BudgetWindowSeconds;
        row.MaxConcurrentRequests = settings.MaxConcurrentRequests;
        row.ServiceUnavailablePercent = settings.ServiceUnavailablePercent;
        row.AddedLatencyMilliseconds = settings.AddedLatencyMilliseconds;
        await db.SaveChangesAsync(cancellationToken);
        return problems;
    }
}
