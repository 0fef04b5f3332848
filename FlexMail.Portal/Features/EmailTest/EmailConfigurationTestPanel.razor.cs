using FlexMail.Domain.EmailTest;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components;

namespace FlexMail.Portal.Features.EmailTest;

/// <summary>
/// Test Email Configuration: a test recipient, the button, each step as it finishes (verdict, time, summary, cause and
/// fix), the overall verdict, and the last stored result. The test runs on the saved settings, so it is refused while
/// the page holding the panel has unsaved changes (<see cref="Dirty"/>). Used by the email settings and the setup wizard.
/// </summary>
public sealed partial class EmailConfigurationTestPanel
{
    private readonly List<TestStepResult> _steps = [];
    private string _recipient = "";
    private bool _recipientTyped;
    private bool _wasDirty;
    private bool _running;
    private Problem? _problem;
    private TestVerdict? _verdict;
    private EmailConfigurationTestRun? _lastRun;

    [Inject] private IEmailConfigurationTestRunner Runner { get; set; } = null!;
    [Inject] private CurrentActor Actor { get; set; } = null!;
    [Inject] private ILogger<EmailConfigurationTestPanel> Logger { get; set; } = null!;

    /// <summary>The page has unsaved changes: the test would not test them, so it waits until they are saved.</summary>
    [Parameter] public bool Dirty { get; set; }

    /// <summary>Raised when a test finished or could not run.</summary>
    [Parameter] public EventCallback<EmailConfigurationTestOutcome> OnTested { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _lastRun = await Runner.LastRunAsync(Aborted);
        _recipient = await Runner.DefaultRecipientAsync(Aborted);
        _wasDirty = Dirty;
    }

    protected override async Task OnParametersSetAsync()
    {
        // Just saved: a recipient the admin did not type follows the SMTP From Address that was saved.
        if (_wasDirty && !Dirty && !_recipientTyped)
        {
            _recipient = await Runner.DefaultRecipientAsync(Aborted);
        }
        _wasDirty = Dirty;
    }

    private void TypeRecipient(string value)
    {
        _recipient = value;
        _recipientTyped = true;
    }

    private async Task RunAsync()
    {
        if (Dirty || _running)
        {
            return;
        }
        _running = true;
        _problem = null;
        _verdict = null;
        _steps.Clear();
        EmailConfigurationTestOutcome outcome;
        try
        {
            outcome = await Runner.RunAsync(_recipient, await Actor.GetAsync(), new LiveSteps(this), Aborted);
        }
        catch (OperationCanceledException) when (Aborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Test Email Configuration stopped unexpectedly");
            outcome = EmailConfigurationTestOutcome.CannotRun(new("EmailTestStopped", $"The test stopped unexpectedly: {ex.Message}",
                "Test again; if it stops again, the portal's log has the details."));
        }
        finally
        {
            _running = false;
        }

        _problem = outcome.Problem;
        if (outcome.Report is { } report)
        {
            _steps.Clear();
            _steps.AddRange(report.Steps); // the complete list, should a progress report still be on its way
            _verdict = report.Verdict;
        }
        _lastRun = outcome.Run ?? _lastRun;
        await OnTested.InvokeAsync(outcome);
    }

    private void Show(TestStepResult step)
    {
        if (_running && _steps.All(s => s.Step != step.Step))
        {
            _steps.Add(step);
            StateHasChanged();
        }
    }

    /// <summary>Shows each step as soon as the test reports it, on the component's dispatcher.</summary>
    private sealed class LiveSteps(EmailConfigurationTestPanel panel) : IProgress<TestStepResult>
    {
        public void Report(TestStepResult value) => _ = panel.InvokeAsync(() => panel.Show(value));
    }
}
