using System.Globalization;
using FlexMail.Domain.Approvals.Replies;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexMail.Portal.Features.Approvals;

/// <summary>
/// The reply monitor's state for the Approvals page and the Dashboard, read again every <see cref="RefreshInterval"/>
/// (the timer goes with the component); Check Now, Pause and Resume call <see cref="ReplyMonitorControl"/> as the signed-in person.
/// </summary>
public sealed partial class ReplyMonitorCard
{
    /// <summary>How often the state is read again.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    [Inject] private ReplyMonitorControl Control { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ILogger<ReplyMonitorCard> Logger { get; set; } = null!;

    private ReplyMonitorStatus? _status;
    private PeriodicTimer? _timer;
    private bool _refreshFailing;

    protected override async Task OnInitializedAsync()
    {
        _status = await Control.GetStatusAsync(Aborted);
        if (RendererInfo.IsInteractive)
        {
            _timer = new PeriodicTimer(RefreshInterval, Clock);
            _ = RefreshLoopAsync(_timer, Aborted);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer?.Dispose();
        }
        base.Dispose(disposing);
    }

    internal static string TextOf(ReplyMonitorRunState state) => state switch
    {
        ReplyMonitorRunState.Running => "Running",
        ReplyMonitorRunState.Paused => "Paused",
        ReplyMonitorRunState.Stopped => "Stopped",
        _ => "Idle",
    };

    internal static Color ColorOf(ReplyMonitorRunState state) => state switch
    {
        ReplyMonitorRunState.Running => Color.Success,
        ReplyMonitorRunState.Paused => Color.Warning,
        ReplyMonitorRunState.Stopped => Color.Error,
        _ => Color.Default,
    };

    internal static string IconOf(ReplyMonitorRunState state) => state switch
    {
        ReplyMonitorRunState.Running => Icons.Material.Filled.PlayCircleOutline,
        ReplyMonitorRunState.Paused => Icons.Material.Filled.PauseCircleOutline,
        ReplyMonitorRunState.Stopped => Icons.Material.Filled.ErrorOutline,
        _ => Icons.Material.Filled.RemoveCircleOutline,
    };

    private static string LastCycle(ReplyMonitorStatus status) => status.LastCycleAt is not { } at
        ? "None yet"
        : string.Create(CultureInfo.InvariantCulture,
            $"{ApprovalTexts.When(at)}{(status.LastCycleMilliseconds is { } ms ? $" ({ms:0} ms)" : "")}: {status.LastCycleSeen} seen, {status.LastCycleProcessed} processed");

    /// <summary>Reads the state on every tick until the component goes; a failed read is said once and reading goes on.</summary>
    private async Task RefreshLoopAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    var status = await Control.GetStatusAsync(stopping);
                    _refreshFailing = false;
                    await InvokeAsync(() =>
                    {
                        _status = status;
                        StateHasChanged();
                    });
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Logger.LogWarning(ex, "The reply monitor card could not read the monitor's state");
                    if (!_refreshFailing)
                    {
                        _refreshFailing = true;
                        await InvokeAsync(() => Snackbar.Add($"Reading the reply monitor's state failed ({ex.Message}); the card keeps trying.", Severity.Warning));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The component went away.
        }
        catch (ObjectDisposedException)
        {
            // The timer went with the component.
        }
    }
}
