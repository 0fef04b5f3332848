using System.Globalization;
using FlexMail.Domain.Approvals.Replies;
using MudBlazor;

namespace FlexMail.Portal.Features.Inbox;

/// <summary>How a processed reply's outcome, removal and timings read in the portal: words first, colour and icon repeat them.</summary>
public static class ReplyTexts
{
    public static string Of(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Approved => "Approved",
        ReplyOutcome.Rejected => "Rejected",
        ReplyOutcome.NoDecision => "No decision",
        ReplyOutcome.Ignored => "Ignored",
        ReplyOutcome.Refused => "Refused",
        ReplyOutcome.Duplicate => "Duplicate",
        ReplyOutcome.Late => "Late",
        _ => "Foreign",
    };

    /// <summary>What the outcome means, for a tooltip and the filter's list.</summary>
    public static string Meaning(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Approved => "The approver's Approve was recorded.",
        ReplyOutcome.Rejected => "The approver's Reject was recorded.",
        ReplyOutcome.NoDecision => "No Approve or Reject on the first line: nothing was recorded.",
        ReplyOutcome.Ignored => "An automatic reply or a bounce: never counts.",
        ReplyOutcome.Refused => "The sender is not the approver the mail went to, or the mail failed authentication.",
        ReplyOutcome.Duplicate => "A second copy of a mail already processed.",
        ReplyOutcome.Late => "The request was already decided, expired or cancelled, or this approver had answered.",
        _ => "Another installation's reply: left in the folder for it.",
    };

    public static Color ColorOf(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Approved => Color.Success,
        ReplyOutcome.Rejected => Color.Error,
        ReplyOutcome.NoDecision or ReplyOutcome.Refused => Color.Warning,
        ReplyOutcome.Late => Color.Info,
        _ => Color.Default,
    };

    public static string IconOf(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Approved => Icons.Material.Filled.CheckCircleOutline,
        ReplyOutcome.Rejected => Icons.Material.Filled.Cancel,
        ReplyOutcome.NoDecision => Icons.Material.Filled.HelpOutline,
        ReplyOutcome.Ignored => Icons.Material.Filled.SmartToy,
        ReplyOutcome.Refused => Icons.Material.Filled.Block,
        ReplyOutcome.Duplicate => Icons.Material.Filled.ContentCopy,
        ReplyOutcome.Late => Icons.Material.Filled.Schedule,
        _ => Icons.Material.Filled.Public,
    };

    public static string Of(ReplyRemoval removal) => removal switch
    {
        ReplyRemoval.Pending => "Still in the folder (removal pending)",
        ReplyRemoval.Moved => "Moved",
        ReplyRemoval.Deleted => "Deleted",
        _ => "Left in the folder",
    };

    public static string Of(ReplyResolution resolution) => resolution switch
    {
        ReplyResolution.Decided => "Decision recorded by support",
        ReplyResolution.Reprocessed => "Reprocessed",
        _ => "Dismissed",
    };

    /// <summary>A duration as people read it: "850 ms", "4.2 s", "3 min 5 s", "2 h 10 min".</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalSeconds: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalMilliseconds:0} ms"),
        { TotalSeconds: < 60 } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.0} s"),
        { TotalHours: < 1 } d => d.Seconds == 0 ? $"{(int)d.TotalMinutes} min" : $"{(int)d.TotalMinutes} min {d.Seconds} s",
        { TotalDays: < 1 } d => d.Minutes == 0 ? $"{(int)d.TotalHours} h" : $"{(int)d.TotalHours} h {d.Minutes} min",
        var d => d.Value.Hours == 0 ? $"{(int)d.Value.TotalDays} d" : $"{(int)d.Value.TotalDays} d {d.Value.Hours} h",
    };
}
