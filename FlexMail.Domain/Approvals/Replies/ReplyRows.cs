using System.Text.Json;
using FlexMail.Domain.Approvals.Replies.Parsing;

namespace FlexMail.Domain.Approvals.Replies;

/// <summary>
/// What a processed-reply row takes from an assessment, shared by the first recording (<see cref="ReplyRecorder"/>) and a
/// reprocessing (<see cref="ReplySupport"/>), so that both write the same fields the same way.
/// </summary>
internal static class ReplyRows
{
    public const int TextCap = 4000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sets the outcome, the match, the parsed text and the steps from <paramref name="assessment"/>.</summary>
    public static void Apply(ProcessedReply row, ReplyAssessment assessment)
    {
        var parsed = assessment.Parsed;
        row.Outcome = assessment.Outcome;
        row.Reason = Cap(assessment.Reason, TextCap)!;
        row.ApprovalRequestId = assessment.ApprovalMail?.ApprovalRequestId ?? assessment.RequestId;
        row.ApproverId = assessment.ApprovalMail?.ApproverId ?? assessment.ApproverId;
        row.ApprovalMailId = assessment.ApprovalMail?.Id;
        row.MatchedBy = assessment.MatchedBy;
        row.Comment = Cap(parsed?.Decision == ReplyDecision.None ? null : parsed?.Comment, ApprovalLimits.CommentLength);
        row.DecisiveLine = Cap(parsed?.DecisiveLine, 1000);
        row.OwnText = Cap(parsed?.OwnText, TextCap);
        row.QuotedText = Cap(parsed?.QuotedText, TextCap);
        row.StepsJson = JsonSerializer.Serialize(assessment.Steps, Json);
    }

    /// <summary>The decision an Approved or Rejected assessment asks for, with the comment to record; null for any other outcome.</summary>
    public static (DecisionKind Decision, string? Comment)? DecisionOf(ReplyAssessment assessment) => assessment.Outcome switch
    {
        ReplyOutcome.Approved => (DecisionKind.Approve, Cap(assessment.Parsed?.Comment, ApprovalLimits.CommentLength)),
        ReplyOutcome.Rejected => (DecisionKind.Reject, Cap(assessment.Parsed?.Comment, ApprovalLimits.CommentLength)),
        _ => null,
    };

    /// <summary>What a refused decision makes of the reply: refused when the sender is no approver, else late, with the decider's cause.</summary>
    public static ReplyAssessment Undecided(ReplyAssessment assessment, Problem refusal) => assessment with
    {
        Outcome = refusal.Code == ApprovalProblems.NotAnApproverCode ? ReplyOutcome.Refused : ReplyOutcome.Late,
        Reason = refusal.Cause,
        OwesAnswer = true,
    };

    public static void AddStep(ProcessedReply row, string name, string verdict, double milliseconds)
    {
        var steps = JsonSerializer.Deserialize<List<ReplyStep>>(row.StepsJson, Json) ?? [];
        steps.Add(new ReplyStep(name, verdict, milliseconds));
        row.StepsJson = JsonSerializer.Serialize(steps, Json);
    }

    public static string DecidedStep(DecisionKind decision, ApprovalRequest request) =>
        $"{(decision == DecisionKind.Approve ? "Approve" : "Reject")} recorded; the request is {request.Status.ToString().ToLowerInvariant()}.";

    public static string? Cap(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
