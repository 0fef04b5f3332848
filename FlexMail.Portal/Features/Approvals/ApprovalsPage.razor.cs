using FlexMail.Domain.Approvals;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexMail.Portal.Features.Approvals;

/// <summary>
/// The list of approval requests: paged, sorted and filtered by the database (<see cref="ApprovalQueries.ListAsync"/>);
/// the filters live in the address, so a filtered list can be shared or opened from the dashboard.
/// </summary>
public partial class ApprovalsPage
{
    [Inject] private ApprovalQueries Queries { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = ApprovalFilters.StatusKey)] public string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = ApprovalFilters.ApproverKey)] public string? ApproverQuery { get; set; }

    [SupplyParameterFromQuery(Name = ApprovalFilters.TextKey)] public string? TextQuery { get; set; }

    [SupplyParameterFromQuery(Name = ApprovalFilters.FromKey)] public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = ApprovalFilters.ToKey)] public string? ToQuery { get; set; }

    private MudDataGrid<ApprovalListItem>? _grid;
    private ApprovalFilters _filters = new();

    protected override void OnInitialized() => _filters = ApprovalFilters.Parse(StatusQuery, ApproverQuery, TextQuery, FromQuery, ToQuery);

    private async Task<GridData<ApprovalListItem>> LoadAsync(GridState<ApprovalListItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = _filters.ToQuery() with
        {
            SortBy = SortOf(sort?.SortBy),
            Descending = sort?.Descending ?? true,
            Skip = state.Page * state.PageSize,
            Take = state.PageSize,
        };
        var page = await Queries.ListAsync(query, cancellationToken);
        return new GridData<ApprovalListItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private static ApprovalSort SortOf(string? column) => column switch
    {
        nameof(ApprovalListItem.Title) => ApprovalSort.Title,
        nameof(ApprovalListItem.Status) => ApprovalSort.Status,
        nameof(ApprovalListItem.ExpiresAt) => ApprovalSort.ExpiresAt,
        nameof(ApprovalListItem.RequestedBy) => ApprovalSort.RequestedBy,
        _ => ApprovalSort.CreatedAt,
    };

    private async Task FilterAsync(ApprovalFilters filters)
    {
        _filters = filters;
        // Replace, not push: the back button leaves the list instead of stepping through every keystroke.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filters.ToQueryParameters()), replace: true);
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task NewAsync()
    {
        var dialog = await Dialogs.ShowAsync<NewApprovalRequestDialog>("New Approval Request",
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid id })
        {
            Snackbar.Add("Approval request created: the approval mails are queued.", Severity.Success);
            Navigation.NavigateTo($"approvals/{id}");
        }
    }
}
