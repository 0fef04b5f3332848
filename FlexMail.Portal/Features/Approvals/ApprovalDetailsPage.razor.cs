using FlexMail.Domain.Approvals;
using FlexMail.Domain.Results;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexMail.Portal.Features.Approvals;

/// <summary>
/// One approval request: what was asked, each approver's mail and decision, the callbacks and the audit trail, and
/// what Admin and Support may do while it is pending (decide for an approver, remind, cancel), through the domain.
/// </summary>
public partial class ApprovalDetailsPage
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private ApprovalQueries Queries { get; set; } = null!;

    [Inject] private ApprovalLifecycle Lifecycle { get; set; } = null!;

    [Inject] private CurrentActor Actor { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private ApprovalDetails? _details;
    private bool _loading = true;

    private bool ActionsDisabled => _details?.Approval.Status is not ApprovalStatus.Pending;

    /// <summary>Why the actions are off: the request is closed, and how.</summary>
    private string? ClosedNotice => _details?.Approval is { Status: not ApprovalStatus.Pending } approval
        ? $"This request is {ApprovalTexts.Of(approval.Status).ToLowerInvariant()}, so it takes no decisions, reminders or cancellation: {approval.ClosedReason}"
        : null;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        await ReloadAsync();
        _loading = false;
    }

    private async Task ReloadAsync() => _details = await Queries.GetDetailsAsync(Id, Aborted);

    private async Task DecideAsync(DecisionKind decision)
    {
        var undecided = _details!.Approval.Approvers.Where(a => a.Decision is null).Select(a => a.Address).ToList();
        var parameters = new DialogParameters<RecordDecisionDialog>
        {
            { dialog => dialog.RequestId, Id },
            { dialog => dialog.Decision, decision },
            { dialog => dialog.Approvers, undecided },
        };
        var title = decision == DecisionKind.Approve ? "Approve for an approver" : "Reject for an approver";
        var dialog = await Dialogs.ShowAsync<RecordDecisionDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: DecisionView recorded })
        {
            Snackbar.Add($"{ApprovalTexts.Of(recorded.Decision)} for {recorded.Approver}.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task RemindAsync(string? approver)
    {
        var result = await Lifecycle.RemindAsync(Id, approver, ApprovalOrigin.Portal(await Actor.GetAsync()), Aborted);
        if (result.Succeeded)
        {
            Snackbar.Add($"Reminder queued for {string.Join(", ", result.Value)}.", Severity.Success);
        }
        else
        {
            ShowProblem(result.Problem);
        }
        await ReloadAsync();
    }

    private async Task CancelAsync()
    {
        var dialog = await Dialogs.ShowAsync<CancelApprovalDialog>("Cancel approval request",
            new DialogParameters<CancelApprovalDialog> { { d => d.RequestId, Id }, { d => d.Title, _details!.Approval.Title } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Approval request cancelled.", Severity.Success);
            await ReloadAsync();
        }
    }

    private void ShowProblem(Problem problem) => Snackbar.Add(problem.ToString(), Severity.Error);
}
