using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FlexMail.Portal.Features.Inbox;

/// <summary>
/// The Live Inbox: the monitor's state, the processed replies (filtered and paged by the database, filters in the
/// address) and one reply's details. It follows processing through <see cref="LiveInboxNotifier"/>: a change names reply
/// ids, the page asks the database which of them its filters keep (<see cref="ReplyQueries.FindAsync"/>) and puts new ones
/// at the top — or, while the person reads (another page, a reply open, scrolled down), counts them behind a button.
/// </summary>
public sealed partial class LiveInboxPage : IAsyncDisposable
{
    public const int PageSize = 50;

    [Inject] private ReplyQueries Replies { get; set; } = null!;
    [Inject] private ReplyMonitorControl Control { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    [SupplyParameterFromQuery(Name = InboxFilters.OutcomeKey)] public string? OutcomeQuery { get; set; }
    [SupplyParameterFromQuery(Name = InboxFilters.SenderKey)] public string? SenderQuery { get; set; }
    [SupplyParameterFromQuery(Name = InboxFilters.RequestKey)] public string? RequestQuery { get; set; }
    [SupplyParameterFromQuery(Name = InboxFilters.FromKey)] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = InboxFilters.ToKey)] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = InboxFilters.TextKey)] public string? TextQuery { get; set; }
    [SupplyParameterFromQuery(Name = InboxFilters.ReplyKey)] public string? ReplyQuery { get; set; }

    private InboxFilters _filters = new();
    private InboxFilters? _loadedFilters;
    private List<ReplyListItem>? _page;
    private int _total;
    private int _pageIndex;
    private readonly HashSet<Guid> _waiting = [];
    private string? _announcement;
    private ReplyMonitorStatus? _status;
    private int _drawerVersion;
    private int _pendingVersion;
    private bool _live;
    private IJSObjectReference? _module;
    private IJSObjectReference? _keys;

    private Guid? SelectedReply { get; set; }

    private int PageCount => Math.Max(1, (_total + PageSize - 1) / PageSize);

    protected override async Task OnInitializedAsync()
    {
        _status = await Control.GetStatusAsync(Aborted);
        _live = RendererInfo.IsInteractive;
    }

    protected override async Task OnParametersSetAsync()
    {
        _filters = InboxFilters.Parse(OutcomeQuery, SenderQuery, RequestQuery, FromQuery, ToQuery, TextQuery);
        SelectedReply = Guid.TryParse(ReplyQuery, out var reply) ? reply : null;
        if (_filters != _loadedFilters)
        {
            _pageIndex = 0;
            await LoadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/live-inbox.js");
                _keys = await _module.InvokeAsync<IJSObjectReference>("attach");
            }
            catch (JSDisconnectedException)
            {
                // The page went before it was ready.
            }
        }
    }

    /// <summary>Reads the page shown now from the database; what waited is part of it.</summary>
    private async Task LoadAsync()
    {
        var page = await Replies.ListAsync(_filters.ToQuery() with { Skip = _pageIndex * PageSize, Take = PageSize }, Aborted);
        _page = [.. page.Items];
        _total = page.TotalCount;
        _waiting.Clear();
        _loadedFilters = _filters;
    }

    private async Task ReloadAsync()
    {
        _status = await Control.GetStatusAsync(Aborted);
        await LoadAsync();
        _drawerVersion++;
        _pendingVersion++;
        StateHasChanged();
    }

    private async Task ChangedAsync(LiveInboxChange change)
    {
        if (change.MonitorChanged)
        {
            _status = await Control.GetStatusAsync(Aborted);
        }
        if (change.ReplyIds.Count > 0 && _page is not null)
        {
            await MergeAsync(change);
            if (SelectedReply is { } selected && change.ReplyIds.Contains(selected))
            {
                _drawerVersion++;
            }
            _pendingVersion++;
        }
        StateHasChanged();
    }

    /// <summary>Puts what the filters keep of the changed replies into the page: changed rows in place, new rows at the top (or waiting).</summary>
    private async Task MergeAsync(LiveInboxChange change)
    {
        var kept = (await Replies.FindAsync(_filters.ToQuery(), change.ReplyIds, Aborted)).ToDictionary(r => r.Id);
        for (var i = _page!.Count - 1; i >= 0; i--)
        {
            var shown = _page[i];
            if (!change.ReplyIds.Contains(shown.Id))
            {
                continue;
            }
            if (kept.Remove(shown.Id, out var now))
            {
                _page[i] = now;
            }
            else
            {
                _page.RemoveAt(i);
                _total--;
            }
        }
        var fresh = kept.Values.Where(r => change.NewReplyIds.Contains(r.Id) && !_waiting.Contains(r.Id)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }
        _total += fresh.Count;
        if (await IsReadingAsync())
        {
            _waiting.UnionWith(fresh.Select(r => r.Id));
            _announcement = $"{_waiting.Count} new repl{(_waiting.Count == 1 ? "y" : "ies")} waiting above the list.";
            return;
        }
        _page.InsertRange(0, fresh);
        _page.Sort((a, b) => b.ProcessedAt.CompareTo(a.ProcessedAt) is var byTime and not 0 ? byTime : b.Id.CompareTo(a.Id));
        if (_page.Count > PageSize)
        {
            _page.RemoveRange(PageSize, _page.Count - PageSize);
        }
        _announcement = fresh.Count == 1
            ? $"New reply from {fresh[0].Sender ?? "an unknown sender"}: {ReplyTexts.Of(fresh[0].Outcome)}."
            : $"{fresh.Count} new replies: {string.Join(", ", fresh.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} {ReplyTexts.Of(g.Key)}"))}.";
    }

    /// <summary>The person is reading: on another page than the first, a reply open, or scrolled away from the top.</summary>
    private async Task<bool> IsReadingAsync()
    {
        if (_pageIndex > 0 || SelectedReply is not null)
        {
            return true;
        }
        try
        {
            return _keys is not null && await _keys.InvokeAsync<bool>("isScrolledAway");
        }
        catch (JSDisconnectedException)
        {
            return false;
        }
    }

    private async Task ShowWaitingAsync()
    {
        _pageIndex = 0;
        await LoadAsync();
        _announcement = null;
    }

    private async Task PageAsync(int page)
    {
        _pageIndex = page - 1;
        await LoadAsync();
    }

    private async Task FilterAsync(InboxFilters filters)
    {
        // Replace, not push: the back button leaves the inbox instead of stepping through every keystroke.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filters.ToQueryParameters()), replace: true);
        _filters = filters;
        _pageIndex = 0;
        await LoadAsync();
    }

    private void Open(Guid id)
    {
        SelectedReply = id;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(InboxFilters.ReplyKey, id.ToString()), replace: true);
    }

    private void Close()
    {
        SelectedReply = null;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(InboxFilters.ReplyKey, (string?)null), replace: true);
    }

    /// <summary>A support action changed the reply: the feed brings the change; the drawer and the row read it now.</summary>
    private async Task ActedAsync()
    {
        _drawerVersion++;
        if (SelectedReply is { } id && _page is not null)
        {
            await MergeAsync(new LiveInboxChange([new ReplyEvent { Kind = ReplyEventKind.Resolved, ProcessedReplyId = id }], false));
        }
        _pendingVersion++;
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        try
        {
            if (_keys is not null)
            {
                await _keys.InvokeVoidAsync("dispose");
                await _keys.DisposeAsync();
            }
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit went with the page.
        }
    }
}
