using System.Text.Json;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Components.Shared;
using FlexMail.Portal.Features.MailboxAccess;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace FlexMail.Portal.Features.EmailSettings;

/// <summary>The reference product's email settings: outgoing, incoming, reply options; Save (Ctrl+S) with an unsaved-changes guard.</summary>
public sealed partial class EmailSettingsPage
{
    private static IReadOnlyList<string> OutgoingFields => EmailSettingsSections.Outgoing;

    private static IReadOnlyList<string> IncomingFields => EmailSettingsSections.Incoming;

    private static IReadOnlyList<string> ReplyFields => EmailSettingsSections.ReplyOptions;

    [Inject] private EmailSettingsService Settings { get; set; } = null!;
    [Inject] private SetupOverviewQuery Overview { get; set; } = null!;
    [Inject] private OAuthApplicationService Applications { get; set; } = null!;
    [Inject] private IOptions<OAuthOptions> OAuthOptions { get; set; } = null!;
    [Inject] private CurrentActor Actor { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private EmailSettingsDraft? _draft;
    private string _savedSnapshot = "";
    private ValidationReport _report = ValidationReport.Valid;
    private IReadOnlyList<ChoiceOption> _applications = [];
    private bool _saving;
    private int _validationVersion;
    private MailboxAuthorizationPanel? _outgoingAuthorization;
    private MailboxAuthorizationPanel? _incomingAuthorization;
    private SetupOverview? _overview;

    private bool IsDirty => _draft is not null && Snapshot(_draft) != _savedSnapshot;

    private string? RedirectUri => ServerBaseUrl.RedirectUriOrNull(_draft?.ServerBaseUrl, OAuthOptions.Value.CallbackPath);

    protected override async Task OnInitializedAsync()
    {
        _applications = [.. (await Applications.ListAsync(Aborted)).Select(a => new ChoiceOption(a.Id, a.Name))];
        _draft = await Settings.GetDraftAsync(Aborted);
        _savedSnapshot = Snapshot(_draft);
        await ValidateAsync();
        _overview = await Overview.GetAsync(Aborted);
    }

    /// <summary>
    /// A test that Entra ID refused (sessions revoked, secret expired ...) has just marked the authorization Needs
    /// re-authorization: the panels show it at once, with their Re-Authorize button, instead of "Authorized".
    /// </summary>
    private async Task OnTestedAsync()
    {
        foreach (var panel in new[] { _outgoingAuthorization, _incomingAuthorization })
        {
            if (panel is not null)
            {
                await panel.RefreshAsync();
            }
        }
        _overview = await Overview.GetAsync(Aborted);
    }

    private StepStatus SectionStatus(IReadOnlyList<string> fields) => _report.Only(fields).ToStatus();

    /// <summary>
    /// The outgoing fields' status, made worse by what the setup verdict says about the SMTP User: a stopped sign-in is
    /// never "OK" because its fields are valid.
    /// </summary>
    private StepStatus OutgoingStatus
    {
        get
        {
            var fields = SectionStatus(OutgoingFields);
            var verdict = _overview?.Verdict;
            if (verdict is null || verdict.Level is SetupVerdictLevel.Configured or SetupVerdictLevel.NotConfigured || !verdict.In(SetupArea.Outgoing).Any())
            {
                return fields;
            }
            var fromVerdict = verdict.Level == SetupVerdictLevel.Stopped ? StepStatus.Error : StepStatus.Warning;
            return (StepStatus)Math.Max((int)fields, (int)fromVerdict);
        }
    }

    private async Task ChangeAsync(Action apply)
    {
        apply();
        await ValidateAsync();
    }

    private async Task ValidateAsync()
    {
        var version = ++_validationVersion;
        // The address the portal is used at: a Server Base URL that differs gets a warning (Authorize would return elsewhere).
        var report = await Settings.ValidateAsync(_draft!, [], new Uri(Navigation.BaseUri).GetLeftPart(UriPartial.Authority), Aborted);
        if (version == _validationVersion)
        {
            _report = report; // an older, slower validation never overwrites a newer one
        }
    }

    private async Task SaveAsync()
    {
        if (_draft is null || _saving)
        {
            return;
        }
        _saving = true;
        try
        {
            var result = await Settings.SaveAsync(_draft, await Actor.GetAsync(), Aborted);
            _report = result.Report();
            if (!result.Succeeded)
            {
                Snackbar.Add(result.Problem.Cause, Severity.Error);
                return;
            }
            _draft = await Settings.GetDraftAsync(Aborted);
            _savedSnapshot = Snapshot(_draft);
            await ValidateAsync();
            _overview = await Overview.GetAsync(Aborted);
            Snackbar.Add("Email settings saved.", Severity.Success);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty)
        {
            return;
        }
        var leave = await Dialogs.ShowMessageBoxAsync(
            "Unsaved changes",
            "The email settings have changes that are not saved. Leave this page and lose them?",
            yesText: "Leave without saving", cancelText: "Stay on this page");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private static string Snapshot(EmailSettingsDraft draft) => JsonSerializer.Serialize(draft);
}
