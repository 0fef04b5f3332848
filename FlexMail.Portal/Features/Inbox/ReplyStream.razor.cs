using FlexMail.Domain.Approvals.Replies;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlexMail.Portal.Features.Inbox;

/// <summary>
/// The reply rows of the Live Inbox. Keyboard: Up/Down (and Home/End) move the focus from row to row, Enter opens the
/// focused row; the page owns the data, the selection and what waits to be shown.
/// </summary>
public sealed partial class ReplyStream
{
    [Parameter, EditorRequired] public IReadOnlyList<ReplyListItem> Items { get; set; } = [];

    [Parameter] public Guid? SelectedId { get; set; }

    [Parameter] public EventCallback<Guid> OnOpen { get; set; }

    /// <summary>New replies that arrived while the person was reading; the button shows them.</summary>
    [Parameter] public int WaitingCount { get; set; }

    [Parameter] public EventCallback OnShowWaiting { get; set; }

    /// <summary>What the live region says (new rows), politely.</summary>
    [Parameter] public string? Announcement { get; set; }

    [Parameter] public string EmptyText { get; set; } = "No processed replies yet.";

    private ElementReference[] _rows = [];
    private int _active;

    /// <summary>Whether the person is working in the list (a row has the keyboard focus): new rows then wait.</summary>
    public bool HasFocus { get; private set; }

    protected override void OnParametersSet()
    {
        if (_rows.Length != Items.Count)
        {
            _rows = new ElementReference[Items.Count];
        }
        _active = Math.Clamp(_active, 0, Math.Max(0, Items.Count - 1));
    }

    private string RowClass(ReplyListItem item) => item.Id == SelectedId ? "inbox-row inbox-row-selected" : "inbox-row";

    private async Task KeyAsync(KeyboardEventArgs e)
    {
        var target = e.Key switch
        {
            "ArrowDown" => Math.Min(_active + 1, Items.Count - 1),
            "ArrowUp" => Math.Max(_active - 1, 0),
            "Home" => 0,
            "End" => Items.Count - 1,
            _ => -1,
        };
        HasFocus = true;
        if (target >= 0 && Items.Count > 0)
        {
            _active = target;
            await _rows[target].FocusAsync();
        }
        else if (e.Key == "Enter" && Items.Count > 0)
        {
            await OpenAsync(_active);
        }
    }

    private async Task OpenAsync(int index)
    {
        _active = index;
        await OnOpen.InvokeAsync(Items[index].Id);
    }
}
