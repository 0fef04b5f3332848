using System.Globalization;
using FlexMail.Domain.Approvals.Outbox;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>The words of FlexMail's answers to approvers: a short confirmation, or why a reply could not be used and how to reply.</summary>
public static class ReplyAnswers
{
    private const string HowToReply =
        "To decide, reply to the approval mail (keep its subject) with Approve or Reject alone on the first line; a comment may follow on the same line or below.";

    public static (string Subject, string Text) Confirmation(string title, DecisionKind decision, string? comment, DateTimeOffset at)
    {
        var word = decision == DecisionKind.Approve ? "Approve" : "Reject";
        var text = $"Your {word} of \"{title}\" was recorded at {at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}."
            + (comment is { Length: > 0 } ? $"\nYour comment: {Shorten(comment)}" : "")
            + "\n\nNothing more to do. This is an automatic message from FlexMail.";
        return ($"{ApprovalMailComposer.SubjectPrefix} Your {word} was recorded: {title}", text);
    }

    /// <summary>Why the reply was not used, or null when the outcome owes no answer.</summary>
    public static (string Subject, string Text)? Problem(string title, ReplyOutcome outcome, string reason)
    {
        var why = outcome switch
        {
            ReplyOutcome.NoDecision => $"FlexMail could not read a decision from your reply: {reason}",
            ReplyOutcome.Late => $"Your reply came too late: {reason}",
            ReplyOutcome.Refused => $"Your reply was not counted: {reason}",
            _ => null,
        };
        if (why is null)
        {
            return null;
        }
        var text = $"About \"{title}\":\n{why}\n\n" + (outcome == ReplyOutcome.NoDecision ? HowToReply + "\n\n" : "")
            + "This is an automatic message from FlexMail; you get at most a few of them an hour.";
        return ($"{ApprovalMailComposer.SubjectPrefix} Your reply was not used: {title}", text);
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : string.Concat(text.AsSpan(0, 500), "…");
}
