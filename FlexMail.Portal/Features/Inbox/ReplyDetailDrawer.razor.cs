using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Features.Approvals;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlexMail.Portal.Features.Inbox;

/// <summary>The detail drawer: reads the reply when it opens and whenever <see cref="Version"/> changes (a live change named it).</summary>
public sealed partial class ReplyDetailDrawer
{
    /// <summary>The reply shown; null closes the drawer.</summary>
    [Parameter] public Guid? ReplyId { get; set; }

    /// <summary>Bumped by the page when the feed says this reply changed: the drawer reads it again.</summary>
    [Parameter] public int Version { get; set; }

    [Parameter] public EventCallback OnClose { get; set; }

    /// <summary>The support actions for the reply shown (given the details).</summary>
    [Parameter] public RenderFragment<ReplyDetails>? ActionsContent { get; set; }

    private ReplyDetails? _details;
    private bool _missing;
    private ElementReference _root;
    private (Guid? Id, int Version) _loaded;
    private bool _focusPending;

    /// <summary>The details shown, for the actions.</summary>
    public ReplyDetails? Details => _details;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (ReplyId, Version))
        {
            return;
        }
        var opened = _loaded.Id != ReplyId;
        _loaded = (ReplyId, Version);
        if (ReplyId is not { } id)
        {
            _details = null;
            return;
        }
        if (opened)
        {
            _details = null;
        }
        _details = await Replies.GetAsync(id, Aborted);
        _missing = _details is null;
        _focusPending = opened;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPending && ReplyId is not null)
        {
            _focusPending = false;
            await _root.FocusAsync();
        }
    }

    private Task KeyAsync(KeyboardEventArgs e) => e.Key == "Escape" ? CloseAsync() : Task.CompletedTask;

    private Task CloseAsync() => OnClose.InvokeAsync();

    private Task OpenChangedAsync(bool open) => open ? Task.CompletedTask : CloseAsync();

    private static string Sender(ProcessedReply reply) =>
        reply.SenderName is { Length: > 0 } name ? $"{name} <{reply.Sender}>" : reply.Sender ?? "(no sender)";

    private static RenderFragment RequestLink(ReplyDetails details) => builder =>
    {
        if (details.Reply.ApprovalRequestId is { } id)
        {
            builder.OpenComponent<MudBlazor.MudLink>(0);
            builder.AddAttribute(1, "Href", $"approvals/{id}");
            builder.AddAttribute(2, "ChildContent", (RenderFragment)(b => b.AddContent(0, details.RequestTitle ?? "Approval request")));
            builder.CloseComponent();
        }
        else
        {
            builder.AddContent(3, "None matched");
        }
    };

    private static string AnswerState(ReplyAnswerMail answer) => answer.Status switch
    {
        ApprovalMailStatus.Sent => $"sent {ApprovalTexts.When(answer.SentAt ?? answer.QueuedAt)}",
        ApprovalMailStatus.Failed => $"failed: {answer.FailureCause}",
        _ => $"queued {ApprovalTexts.When(answer.QueuedAt)}",
    };

    /// <summary>The own text's lines, the first one that is the decisive line marked.</summary>
    internal static IEnumerable<(string Text, bool Decisive)> OwnLines(ProcessedReply reply)
    {
        var marked = false;
        foreach (var line in (reply.OwnText ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var decisive = !marked && reply.DecisiveLine is { Length: > 0 } first && line.Trim() == first.Trim();
            marked |= decisive;
            yield return (line, decisive);
        }
    }
}
