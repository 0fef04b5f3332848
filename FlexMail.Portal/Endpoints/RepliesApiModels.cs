using System.Text;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Portal.Endpoints;

/// <summary>The API's names for the reply monitor's enums: kebab-case outcomes ("no-decision"), lower-case states and removals.</summary>
internal static class ReplyJsonNames
{
    public static string Of(ReplyOutcome outcome) => Kebab(outcome.ToString());

    public static ReplyOutcome? OutcomeOf(string text) =>
        Enum.GetValues<ReplyOutcome>().Cast<ReplyOutcome?>().FirstOrDefault(o => string.Equals(Of(o!.Value), text, StringComparison.OrdinalIgnoreCase));

    public static string Of(ReplyRemoval removal) => Kebab(removal.ToString());

    public static string Of(ReplyMonitorRunState state) => Kebab(state.ToString());

    public static string? Of(DecisionKind? decision) => decision is { } kind ? Kebab(kind.ToString()) : null;

    public static string Of(ReplyDecision decision) => Kebab(decision.ToString());

    public static string? Of(ReplyResolution? resolution) => resolution is { } done ? Kebab(done.ToString()) : null;

    public static string? Of(ReplyOutcome? outcome) => outcome is { } value ? Of(value) : null;

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}

/// <summary>A processed reply in a list: what the monitor made of one mail from the Email Reply Folder.</summary>
/// <param name="Outcome">approved, rejected, no-decision, ignored, refused, duplicate, late or foreign.</param>
/// <param name="DecidedAt">When the outcome was recorded.</param>
/// <param name="Removal">pending, moved, deleted or left (in the folder, for another installation).</param>
public sealed record ReplyItemView(Guid Id, string Outcome, string Reason, string? Sender, string? Subject, Guid? ApprovalId, string? Decision,
    string? Comment, DateTimeOffset? ReceivedAt, DateTimeOffset DecidedAt, string Removal)
{
    internal static ReplyItemView Of(ReplyListItem r) => new(r.Id, ReplyJsonNames.Of(r.Outcome), r.Reason, r.Sender, r.Subject, r.ApprovalRequestId,
        ReplyJsonNames.Of(r.Decision), r.Comment, r.ReceivedAt, r.ProcessedAt, ReplyJsonNames.Of(r.Removal));
}

/// <summary>A page of processed replies, newest first; <see cref="Next"/> is the address of the next page, absent on the last.</summary>
public sealed record ReplyPage(IReadOnlyList<ReplyItemView> Items, int Page, int PageSize, int TotalCount, string? Next);

/// <summary>One processed reply with how it was matched, the line that decided, the approver's own text, each step and the headers that mattered.</summary>
public sealed record ReplyDetailsView(Guid Id, string Outcome, string Reason, string? Sender, string? Subject, Guid? ApprovalId, string? Decision,
    string? Comment, DateTimeOffset? ReceivedAt, DateTimeOffset DecidedAt, string Removal, string? MatchedBy, string? DecisiveLine, string? OwnText,
    IReadOnlyList<ReplyStep> Steps, IReadOnlyList<ReplyHeader> Headers)
{
    internal static ReplyDetailsView Of(ReplyDetails details)
    {
        var r = details.Reply;
        return new(r.Id, ReplyJsonNames.Of(r.Outcome), r.Reason, r.Sender, r.Subject, r.ApprovalRequestId, ReplyJsonNames.Of(r.Decision), r.Comment,
            r.ReceivedAt, r.ProcessedAt, ReplyJsonNames.Of(r.Removal), r.MatchedBy, r.DecisiveLine, r.OwnText, details.Steps, details.Headers);
    }
}

/// <summary>The reply monitor as people read it: running, paused, stopped (with cause and fix) or idle; its last and next cycle.</summary>
/// <param name="State">running, paused, stopped or idle.</param>
public sealed record ReplyMonitorView(string State, string Summary, string? PausedBy, DateTimeOffset? LastCycleAt, double? LastCycleMilliseconds,
    int LastCycleSeen, int LastCycleProcessed, int LastCycleRequests, DateTimeOffset? NextCycleAt, int Backlog, int NotOursInFolder, int ForeignInFolder,
    DateTimeOffset? ThrottledUntil, string? LastErrorCode, string? LastErrorCause, string? LastErrorFix, DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures, string? ActiveInstance)
{
    internal static ReplyMonitorView Of(ReplyMonitorStatus s) => new(ReplyJsonNames.Of(s.State), s.Summary, s.PausedBy, s.LastCycleAt,
        s.LastCycleMilliseconds, s.LastCycleSeen, s.LastCycleProcessed, s.LastCycleRequests, s.NextCycleAt, s.Backlog, s.NotOursInFolder,
        s.ForeignInFolder, s.ThrottledUntil, s.LastErrorCode, s.LastErrorCause, s.LastErrorFix, s.LastErrorAt, s.ConsecutiveFailures, s.ActiveInstance);
}

/// <summary>What FlexMail reads in a reply body: the decision on the first line of the approver's own text, and why.</summary>
/// <param name="Decision">approve, reject or none.</param>
public sealed record ParsedReplyView(string Decision, string? Comment, string OwnText, string Reason);
