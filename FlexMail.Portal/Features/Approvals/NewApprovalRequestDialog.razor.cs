using FlexMail.Domain.Approvals;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace FlexMail.Portal.Features.Approvals;

/// <summary>
/// Creates an approval request from the portal with the same checks as the API (<see cref="ApprovalRequestValidator"/>,
/// run again by <see cref="ApprovalService.CreateAsync"/>); each problem is shown under its field and the input stays.
/// Closes with the new request's id. No callback URL: callbacks are signed with an API key's secret.
/// </summary>
public partial class NewApprovalRequestDialog
{
    private static readonly Dictionary<string, object> NoSpellcheck = new() { ["spellcheck"] = "false" };

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;

    [Inject] private ApprovalService Approvals { get; set; } = null!;

    [Inject] private CurrentActor Actor { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Inject] private IOptions<ApprovalOptions> Options { get; set; } = null!;

    private readonly NewApprovalRequestForm _form = new();
    private ValidationReport _report = ValidationReport.Valid;
    private bool _showErrors;
    private bool _creating;

    private string DefaultExpiryText => Options.Value.DefaultExpiry is var expiry && expiry.TotalHours >= 24 && expiry.TotalHours % 24 == 0
        ? $"Default (in {expiry.TotalDays:0} days)"
        : $"Default (in {expiry.TotalHours:0.#} hours)";

    private bool HasError(string field) => _showErrors && _report.HasError(field);

    private string? ErrorFor(string field) => _report.ErrorFor(field);

    private Task ChangedAsync()
    {
        if (_showErrors)
        {
            // After the first try, each change shows at once what is still wrong (the same checks as on Create).
            _report = ApprovalRequestValidator.Validate(_form.ToDraft(Clock.GetUtcNow()), Clock.GetUtcNow());
        }
        return Task.CompletedTask;
    }

    private void AddMetadata() => _form.Metadata.Add(new MetadataRow());

    private Task RemoveMetadataAsync(int index)
    {
        _form.Metadata.RemoveAt(index);
        return ChangedAsync();
    }

    private void Cancel() => Dialog.Cancel();

    private async Task CreateAsync()
    {
        _creating = true;
        try
        {
            var origin = ApprovalOrigin.Portal(await Actor.GetAsync());
            var result = await Approvals.CreateAsync(_form.ToDraft(Clock.GetUtcNow()), origin, Aborted);
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result.Value.Id));
                return;
            }
            _showErrors = true;
            _report = result.Problem is ValidationProblem validation ? validation.Report : ValidationReport.Valid;
            Snackbar.Add(result.Problem.ToString(), Severity.Error);
        }
        finally
        {
            _creating = false;
        }
    }
}
