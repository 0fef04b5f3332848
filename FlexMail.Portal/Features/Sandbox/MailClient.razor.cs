using FlexMail.Portal.Sandbox.Mail;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlexMail.Portal.Features.Sandbox;

/// <summary>
/// A small Outlook for the sandbox mailboxes: folders, messages, reading pane, new message, reply, delete. It looks
/// for new mail every few seconds (the sandbox's Graph and delivery write to the same database) and on Refresh.
/// </summary>
public sealed partial class MailClient
{
    /// <summary>How often the open mailbox is checked for changes.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    [Inject] private SandboxMailbox Mail { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ILogger<MailClient> Logger { get; set; } = null!;

    /// <summary>The address of the mailbox to open first; the first mailbox when not given or unknown.</summary>
    [Parameter] public string? Mailbox { get; set; }

    private bool _pollFailing;
    private IReadOnlyList<SandboxMailboxSummary> _mailboxes = [];
    private SandboxMailboxSummary? _mailbox;
    private IReadOnlyList<SandboxFolderSummary> _folders = [];
    private SandboxFolderSummary? _folder;
    private IReadOnlyList<SandboxMessageSummary> _messages = [];
    private SandboxMessage? _message;
    private string? _version;

    protected override async Task OnInitializedAsync()
    {
        _mailboxes = await Mail.ListMailboxesAsync(Aborted);
        var first = _mailboxes.FirstOrDefault(m => string.Equals(m.Address, Mailbox, StringComparison.OrdinalIgnoreCase)) ?? _mailboxes.FirstOrDefault();
        if (first is not null)
        {
            await SelectMailboxAsync(first.UserId);
        }
        if (RendererInfo.IsInteractive)
        {
            _ = PollAsync(Aborted);
        }
    }

    private async Task SelectMailboxAsync(Guid? userId)
    {
        _mailbox = _mailboxes.FirstOrDefault(m => m.UserId == userId);
        _folder = null;
        _message = null;
        await RefreshAsync();
    }

    /// <summary>Reloads folders and messages, keeping the open folder and message when they still exist.</summary>
    private async Task RefreshAsync()
    {
        if (_mailbox is null)
        {
            return;
        }
        _version = await Mail.VersionAsync(_mailbox.UserId, Aborted);
        _folders = await Mail.ListFoldersAsync(_mailbox.UserId, Aborted);
        _folder = _folders.FirstOrDefault(f => f.Id == _folder?.Id) ?? _folders.FirstOrDefault(f => f.WellKnownName == WellKnownFolders.Inbox);
        _messages = _folder is null ? [] : await Mail.ListMessagesAsync(_folder.Id, Aborted);
        if (_message is not null && _messages.All(m => m.Id != _message.Id))
        {
            _message = null;
        }
    }

    private async Task SelectFolderAsync(SandboxFolderSummary folder)
    {
        _folder = folder;
        _message = null;
        await RefreshAsync();
    }

    private async Task OpenAsync(string messageId)
    {
        _message = await Mail.OpenAsync(messageId, Aborted);
        await RefreshAsync();
    }

    private async Task MarkAsUnreadAsync()
    {
        await Mail.MarkAsUnreadAsync(_message!.Id, Aborted);
        _message = null;
        await RefreshAsync();
    }

    private async Task DeleteAsync()
    {
        if (_folder?.WellKnownName == WellKnownFolders.DeletedItems
            && await Dialogs.ShowMessageBoxAsync("Delete for good", $"Delete \"{_message!.Subject}\" for good? It is already in Deleted Items.",
                yesText: "Delete for good", cancelText: "Cancel") != true)
        {
            return;
        }
        await Mail.DeleteAsync(_message!.Id, Aborted);
        Snackbar.Add(_folder?.WellKnownName == WellKnownFolders.DeletedItems ? "Message deleted for good." : "Message moved to Deleted Items.", Severity.Success);
        _message = null;
        await RefreshAsync();
    }

    private Task NewMessageAsync() => ComposeAsync("New message", null, replyAll: false);

    private Task ReplyAsync(bool replyAll) => ComposeAsync(replyAll ? "Reply all" : "Reply", _message, replyAll);

    // An e-mail link of the open message (an approval's Approve / Reject): a new message from the mailbox being read.
    private Task WriteFromLinkAsync(SandboxMailto mailto) => ComposeAsync("New message", null, replyAll: false, mailto);

    private async Task ManageRulesAsync()
    {
        var parameters = new DialogParameters<ManageRulesDialog>
        {
            { d => d.Mailbox, _mailbox! },
            { d => d.Folders, _folders },
        };
        var dialog = await Dialogs.ShowAsync<ManageRulesDialog>("Manage Rules", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        await dialog.Result;
    }

    private async Task ComposeAsync(string title, SandboxMessage? original, bool replyAll, SandboxMailto? prefill = null)
    {
        var parameters = new DialogParameters<ComposeMailDialog>
        {
            { d => d.From, _mailbox! },
            { d => d.Original, original },
            { d => d.ReplyAll, replyAll },
            { d => d.Prefill, prefill },
        };
        var dialog = await Dialogs.ShowAsync<ComposeMailDialog>(title, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: SandboxDelivery delivery })
        {
            var notDelivered = delivery.UnknownRecipients.Count == 0 ? "" : $" Not delivered (outside the sandbox tenant): {string.Join(", ", delivery.UnknownRecipients)}.";
            Snackbar.Add($"Sent to {delivery.DeliveredTo} sandbox mailbox(es).{notDelivered}", delivery.UnknownRecipients.Count == 0 ? Severity.Success : Severity.Warning);
            await RefreshAsync();
        }
    }

    /// <summary>
    /// Looks for changes every <see cref="PollInterval"/> until the page closes. A failed look is logged and said once
    /// (until one works again), and polling goes on: a passing fault must not stop new mail from showing.
    /// </summary>
    private async Task PollAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(PollInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await PollOnceAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The page was closed.
        }
    }

    private async Task PollOnceAsync(CancellationToken stopping)
    {
        try
        {
            if (_mailbox is { } mailbox && await Mail.VersionAsync(mailbox.UserId, stopping) != _version)
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    StateHasChanged();
                });
            }
            _pollFailing = false;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "The sandbox mail client could not check {Mailbox} for new mail", _mailbox?.Address);
            if (!_pollFailing)
            {
                _pollFailing = true;
                await InvokeAsync(() => Snackbar.Add(
                    $"Checking for new mail failed ({ex.Message}). The mail client keeps trying every {PollInterval.TotalSeconds:0} seconds; Refresh tries now.",
                    Severity.Warning));
            }
        }
    }
}
