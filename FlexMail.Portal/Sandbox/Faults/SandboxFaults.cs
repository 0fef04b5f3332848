using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// Reads and changes the sandbox's fault settings (the single row the seed creates). The Graph fault middleware reads
/// them on every request, so they are kept in memory and refreshed when they change.
/// </summary>
public sealed partial class SandboxFaults(IDbContextFactory<SandboxDbContext> contexts, ILogger<SandboxFaults> logger)
{
    private SandboxFaultSettings? _current;

    /// <summary>A copy of the current settings: changing it changes nothing until it is passed to <see cref="UpdateAsync"/>.</summary>
    public async ValueTask<SandboxFaultSettings> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            current = await db.FaultSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SandboxFaultSettings.SingletonId, cancellationToken)
                ?? new SandboxFaultSettings();
            Volatile.Write(ref _current, current);
        }
        return Copy(current);
    }

    /// <summary>Validates and saves the settings; when one is out of range nothing is saved.</summary>
    public async Task<SandboxFaultSettingsResult> UpdateAsync(SandboxFaultSettings settings, CancellationToken cancellationToken)
    {
        var validation = SandboxFaultSettingsValidator.Validate(settings);
        if (!validation.Succeeded)
        {
            return validation;
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.FaultSettings.SingleOrDefaultAsync(s => s.Id == SandboxFaultSettings.SingletonId, cancellationToken);
            if (row is null)
            {
                row = new SandboxFaultSettings();
                db.FaultSettings.Add(row);
            }
            CopyValues(settings, row);
            await db.SaveChangesAsync(cancellationToken);
        }
        var saved = Copy(settings);
        Volatile.Write(ref _current, saved);
        LogChanged(logger, saved.ThrottlingEnabled, saved.RequestBudget, saved.BudgetWindowSeconds, saved.MaxConcurrentRequests,
            saved.ServiceUnavailablePercent, saved.AddedLatencyMilliseconds);
        return SandboxFaultSettingsResult.Saved;
    }

    /// <summary>Forgets the cached settings, e.g. after the sandbox was reset to its seed.</summary>
    public void Forget() => Volatile.Write(ref _current, null);

    private static SandboxFaultSettings Copy(SandboxFaultSettings source)
    {
        var copy = new SandboxFaultSettings();
        CopyValues(source, copy);
        return copy;
    }

    private static void CopyValues(SandboxFaultSettings source, SandboxFaultSettings target)
    {
        target.ThrottlingEnabled = source.ThrottlingEnabled;
        target.RequestBudget = source.RequestBudget;
        target.BudgetWindowSeconds = source.BudgetWindowSeconds;
        target.MaxConcurrentRequests = source.MaxConcurrentRequests;
        target.ServiceUnavailablePercent = source.ServiceUnavailablePercent;
        target.AddedLatencyMilliseconds = source.AddedLatencyMilliseconds;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox Graph faults changed: throttling {ThrottlingEnabled} at {RequestBudget} requests " +
        "per {WindowSeconds} s and {MaxConcurrent} concurrent per app and mailbox, {ServiceUnavailablePercent}% 503, {LatencyMilliseconds} ms added latency")]
    private static partial void LogChanged(ILogger logger, bool throttlingEnabled, int requestBudget, int windowSeconds, int maxConcurrent,
        int serviceUnavailablePercent, int latencyMilliseconds);
}
