using System.Text.Json;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Components.Shared;
using FlexMail.Portal.Features.OAuthApps;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexMail.Portal.Features.Setup;

/// <summary>
/// The setup wizard: one step at a time, each validated as the admin types; a step with errors cannot be left
/// forwards; Save stores the application and the settings together or not at all, keeping every input on error.
/// After Save come Authorize and Test, which work on the saved setup (<c>/setup?step=authorize</c> opens there, as
/// Entra ID's sign-in returns).
/// </summary>
public sealed partial class SetupPage
{
    [Inject] private OAuthApplicationService Applications { get; set; } = null!;
    [Inject] private EmailSettingsService Settings { get; set; } = null!;
    [Inject] private SetupService Setup { get; set; } = null!;
    [Inject] private CurrentActor Actor { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private MailboxAuthorizationStatusQuery AuthorizationStatus { get; set; } = null!;
    [Inject] private IEmailConfigurationTestRunner Tests { get; set; } = null!;
    [Inject] private Microsoft.Extensions.Options.IOptions<FlexMail.Portal.Sandbox.SandboxOptions> SandboxOptions { get; set; } = null!;

    /// <summary><c>authorize</c> or <c>test</c>: the step to open at.</summary>
    [SupplyParameterFromQuery(Name = "step")] public string? StepName { get; set; }

    private readonly HashSet<SetupStep> _stepsShowingErrors = [];
    private SetupWizardState? _state;
    private MudStepper? _stepper;
    private int _activeIndex;

    /// <summary>The step the address names (<c>?step=</c>), kept in step with the active step after Save so a reload stays there.</summary>
    private string? _stepInAddress;
    private bool _saving;
    private int _validationVersion;
    private IReadOnlyList<OAuthApplicationSummary> _savedApplications = [];
    private string _savedSnapshot = "";
    private StepStatus _authorizeStatus = StepStatus.Error;
    private StepStatus _testStatus = StepStatus.Error;

    /// <summary>True when the wizard holds input that is not saved: Authorize and Test would not see it.</summary>
    private bool IsDirty => _state is not null && Snapshot(_state) != _savedSnapshot;

    /// <summary>
    /// List Folders reads the mailbox through the saved, authorized setup: before Save and Authorize the wizard says so
    /// (rather than "no SMTP User is saved" about fields the admin has just filled in).
    /// </summary>
    private string? FoldersUnavailable => IsDirty || _authorizeStatus != StepStatus.Ok
        ? $"The folders can be listed once the setup is saved (step 5, \"{SetupStep.Review.Title}\") and the mailbox user is authorized " +
          $"(step 6, \"{SetupStep.Authorize.Title}\"). For now type the folder's path, e.g. Inbox/FlexMail Replies: the Test step checks " +
          "that it exists, and List Folders works here (and on Email Settings) afterwards."
        : null;

    /// <summary>The address the portal is being used at: the default Server Base URL, and warned about when the two differ.</summary>
    private string PortalOrigin => new Uri(Navigation.BaseUri).GetLeftPart(UriPartial.Authority);

    private bool IsLastStep => _activeIndex == SetupStep.All.Count - 1;

    private SetupStep ActiveStep => SetupStep.All[_activeIndex];

    /// <summary>The saved applications, with the wizard's own under the name typed so far.</summary>
    private IReadOnlyList<ChoiceOption> ApplicationOptions =>
    [
        new ChoiceOption(_state!.Application.Id!.Value, string.IsNullOrWhiteSpace(_state.Application.Name) ? "(the application from step 2)" : _state.Application.Name),
        .. _savedApplications.Where(a => a.Id != _state.Application.Id).Select(a => new ChoiceOption(a.Id, a.Name)),
    ];

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (SetupStep.Named(StepName) is { } step)
        {
            _activeIndex = SetupStep.All.ToList().IndexOf(step);
            _stepInAddress = StepName!.ToLowerInvariant();
        }
    }

    /// <summary>Loads the saved setup into the wizard (a fresh draft when nothing is saved) and the later steps' statuses.</summary>
    /// <summary>The sandbox tenant is on: the first step offers "Try with the sandbox".</summary>
    private bool SandboxOn => SandboxOptions.Value.Enabled;

    /// <summary>The quick setup saved (part of) a setup: the wizard shows what is saved now.</summary>
    private Task OnQuickSetupAsync(FlexMail.Portal.Sandbox.QuickSetup.QuickSetupReport report) => report.Refused is null ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        var settings = await Settings.GetDraftAsync(Aborted);
        var application = settings.SmtpOAuthApplicationId is { } id ? await Applications.GetDraftAsync(id, Aborted) : null;
        _state = new SetupWizardState
        {
            Settings = settings,
            Application = application ?? new OAuthApplicationDraft { Id = Guid.NewGuid() },
        };
        _state.SendsFromSharedMailbox = settings.SendsFromAnotherMailbox;
        _state.RepliesInSharedMailbox = settings.ReadsAnotherMailbox;
        if (string.IsNullOrWhiteSpace(settings.ServerBaseUrl))
        {
            settings.ServerBaseUrl = PortalOrigin;
        }

        _savedApplications = await Applications.ListAsync(Aborted);
        await ValidateAsync();
        _savedSnapshot = Snapshot(_state);
        await LoadLaterStatusesAsync();
    }

    private async Task LoadLaterStatusesAsync()
    {
        var roles = _state!.Settings.IncomingSameAsOutgoing ? new[] { MailboxRole.Outgoing } : [MailboxRole.Outgoing, MailboxRole.Incoming];
        var authorized = true;
        var anyRefused = false;
        foreach (var role in roles)
        {
            var status = await AuthorizationStatus.GetAsync(role, Aborted);
            authorized &= SetupStatuses.Authorized(status);
            anyRefused |= status.Authorization is { Status: FlexMail.Domain.MailboxAccess.AuthorizationStatus.NeedsReauthorization };
        }
        _authorizeStatus = authorized ? StepStatus.Ok : anyRefused ? StepStatus.Error : StepStatus.ToDo;
        _testStatus = SetupStatuses.Of((await Tests.LastRunAsync(Aborted))?.Verdict);
    }

    private string ReturnUrlFor(SetupStep step) => $"/setup?step={step.Title.ToLowerInvariant()}";

    protected override void OnAfterRender(bool firstRender)
    {
        if (_state is null)
        {
            return;
        }
        var name = ActiveStep.UsesSavedSettings ? ActiveStep.Title.ToLowerInvariant() : null;
        if (name != _stepInAddress)
        {
            _stepInAddress = name;
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("step", name), replace: true);
        }
    }

    /// <summary>
    /// The test's verdict, and the authorization as the test left it: a sign-in Entra ID refused marks it Needs
    /// re-authorization, so "Authorize" must not stay OK.
    /// </summary>
    private async Task OnTestedAsync(EmailConfigurationTestOutcome outcome)
    {
        await LoadLaterStatusesAsync();
        if (outcome.Run is { } run)
        {
            _testStatus = SetupStatuses.Of(run.Verdict);
        }
    }

    private void Finish() => Navigation.NavigateTo("");

    private ValidationReport ReportOf(SetupStep step) => step.ReportFrom(_state!);

    /// <summary>
    /// A step's status from the facts: steps 1–4 from their fields (errors count once shown: a blank step not reached
    /// yet is to do, not red), Save from whether the wizard holds unsaved input, Authorize and Test from what is saved.
    /// </summary>
    private StepStatus StatusOf(SetupStep step)
    {
        if (step == SetupStep.Authorize)
        {
            return _authorizeStatus;
        }
        if (step == SetupStep.Test)
        {
            return _testStatus;
        }
        var status = ReportOf(step).ToStatus();
        if (status == StepStatus.Error && !ShowErrors(step))
        {
            return StepStatus.ToDo;
        }
        return step == SetupStep.Review && status != StepStatus.Error && IsDirty ? StepStatus.ToDo : status;
    }

    private string? LabelOf(SetupStep step) => step == SetupStep.Review && StatusOf(step) == StepStatus.ToDo ? "Not saved" : null;

    /// <summary>Opens a step from the step list, under the same rule as Next: a step with errors is not left forwards.</summary>
    private async Task GoToAsync(int index)
    {
        if (index > _activeIndex)
        {
            await ValidateAsync();
            if (ReportOf(ActiveStep).HasErrors)
            {
                BlockLeaving();
                return;
            }
        }
        _activeIndex = index;
    }

    private void BlockLeaving()
    {
        _stepsShowingErrors.Add(ActiveStep);
        Snackbar.Add($"\"{ActiveStep.Title}\" has fields to fix: each one says what is wrong.", Severity.Warning);
    }

    private bool ShowErrors(SetupStep step) => _stepsShowingErrors.Contains(step) || _stepsShowingErrors.Contains(SetupStep.Review);

    private bool HasVisibleErrors(SetupStep step) => ShowErrors(step) && ReportOf(step).HasErrors;

    private async Task OnChangedAsync()
    {
        _stepsShowingErrors.Add(ActiveStep);
        await ValidateAsync();
    }

    private async Task ValidateAsync()
    {
        var state = _state!;
        state.Settings.SmtpOAuthApplicationId = state.Application.Id;
        if (!state.Settings.IncomingSameAsOutgoing)
        {
            state.Settings.ImapOAuthApplicationId ??= state.Application.Id;
        }
        var version = ++_validationVersion;
        var applicationReport = await Applications.ValidateAsync(state.Application, Aborted);
        var settingsReport = await Settings.ValidateAsync(state.Settings, [state.Application.Id!.Value], PortalOrigin, Aborted);
        if (version == _validationVersion)
        {
            // A slower, older validation must not overwrite a newer one.
            state.ApplicationReport = applicationReport;
            state.SettingsReport = settingsReport;
        }
    }

    private async Task OnPreviewInteractionAsync(StepperInteractionEventArgs args)
    {
        if (args.Action == StepAction.Complete || (args.Action == StepAction.Activate && args.StepIndex > _activeIndex))
        {
            await ValidateAsync();
            if (ReportOf(ActiveStep).HasErrors)
            {
                args.Cancel = true;
                BlockLeaving();
            }
        }
    }

    private Task NextAsync() => _stepper!.NextStepAsync();

    private Task BackAsync() => _stepper!.PreviousStepAsync();

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            if (!await SecretIdConfirmation.ConfirmAsync(Dialogs, _state!.Application))
            {
                return; // nothing saved, every input kept
            }
            var result = await Setup.SaveAsync(_state!.Application, _state.Settings, await Actor.GetAsync(), Aborted);
            _state.ApplicationReport = result.ApplicationReport;
            _state.SettingsReport = result.SettingsReport;
            if (!result.Saved)
            {
                _stepsShowingErrors.Add(SetupStep.Review);
                var firstWithErrors = SetupStep.All.First(step => step == SetupStep.Review || ReportOf(step).HasErrors);
                Snackbar.Add(result.ApplicationReport.ErrorFor(Saved.FormField) ?? result.SettingsReport.ErrorFor(Saved.FormField)
                    ?? $"Nothing was saved: \"{firstWithErrors.Title}\" has fields to fix.", Severity.Error);
                _activeIndex = SetupStep.All.ToList().IndexOf(firstWithErrors);
                return;
            }
            Snackbar.Add("Setup saved. Next: authorize the mailbox user, then test the configuration.", Severity.Success);
            await LoadAsync();
            _activeIndex = SetupStep.All.ToList().IndexOf(SetupStep.Authorize);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>What Save would store: compared with the saved setup's to tell unsaved input.</summary>
    private static string Snapshot(SetupWizardState state) => JsonSerializer.Serialize(new { state.Application, state.Settings });
}
