using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Portal.Sandbox.QuickSetup;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexMail.Portal.Features.Sandbox;

/// <summary>
/// The "Try with the sandbox" button and its steps. When a real (non-sandbox) setup is saved it first asks, naming what
/// would be replaced; declining changes nothing.
/// </summary>
public sealed partial class TrySandboxPanel
{
    [Inject] private ISandboxQuickSetup QuickSetup { get; set; } = null!;
    [Inject] private CurrentActor Actor { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ILogger<TrySandboxPanel> Logger { get; set; } = null!;

    /// <summary>Raised after a run that changed the setup (the page reloads what it shows).</summary>
    [Parameter] public EventCallback<QuickSetupReport> OnCompleted { get; set; }

    private readonly List<QuickSetupStepResult> _steps = [];
    private QuickSetupMode _mode = QuickSetupMode.Delegated;
    private QuickSetupReport? _report;
    private RealSetup? _refused;
    private bool _running;
    private bool _started;

    private bool IsCurrent(QuickSetupStep step) => QuickSetupSteps.All.First(s => _steps.All(r => r.Step != s)) == step;

    private async Task TryAsync()
    {
        _refused = null;
        var real = await QuickSetup.FindRealSetupAsync(Aborted);
        if (real is not null && await Dialogs.ShowMessageBoxAsync("Replace your setup?",
                $"FlexMail is set up for a Microsoft tenant. {real.Describe()} Set FlexMail up against the sandbox instead?",
                yesText: "Replace with the sandbox setup", cancelText: "Keep my setup") != true)
        {
            _refused = real;
            return;
        }

        _running = true;
        _started = true;
        _report = null;
        _steps.Clear();
        QuickSetupReport report;
        try
        {
            report = await QuickSetup.RunAsync(new QuickSetupRequest(_mode, new Uri(Navigation.BaseUri), await Actor.GetAsync(), ReplaceRealSetup: real is not null),
                new LiveSteps(this), Aborted);
        }
        catch (OperationCanceledException) when (Aborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "The sandbox quick setup stopped unexpectedly");
            report = new QuickSetupReport([QuickSetupStepResult.Failed(QuickSetupStep.RegisterApp, $"The quick setup stopped unexpectedly: {ex.Message}",
                "Try again; if it stops again, the portal's log has the details.")]);
        }
        finally
        {
            _running = false;
        }

        _report = report;
        _refused = report.Refused;
        _steps.Clear();
        _steps.AddRange(report.Steps); // the complete list, should a progress report still be on its way
        await OnCompleted.InvokeAsync(report);
    }

    private void Show(QuickSetupStepResult step)
    {
        if (_running && _steps.All(s => s.Step != step.Step))
        {
            _steps.Add(step);
            StateHasChanged();
        }
    }

    /// <summary>Shows each step as soon as it ends, on the component's dispatcher.</summary>
    private sealed class LiveSteps(TrySandboxPanel panel) : IProgress<QuickSetupStepResult>
    {
        public void Report(QuickSetupStepResult value) => _ = panel.InvokeAsync(() => panel.Show(value));
    }
}
