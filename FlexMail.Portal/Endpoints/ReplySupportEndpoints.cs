using System.ComponentModel;
using System.Text.Json.Serialization;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// Support's actions on a processed reply (<c>/api/v1/replies/{id}/…</c>): record the approver's decision, reprocess the
/// mail, dismiss the reply — each with a reason, audited, refused with the reason in words when the reply does not allow it.
/// </summary>
internal static class ReplySupportEndpoints
{
    /// <summary>The codes answered with another status than 400 (Graph failures of a reprocessing are 502).</summary>
    private static readonly Dictionary<string, int> Statuses = new(StringComparer.Ordinal)
    {
        [ReplySupportProblems.NotFoundCode] = StatusCodes.Status404NotFound,
        [ReplySupportProblems.NotApplicableCode] = StatusCodes.Status409Conflict,
        [ReplySupportProblems.MailGoneCode] = StatusCodes.Status409Conflict,
        [ReplySupportProblems.NotAReplyCode] = StatusCodes.Status409Conflict,
        ["EmailApprovalOff"] = StatusCodes.Status409Conflict,
        [ApprovalProblems.ClosedCode] = StatusCodes.Status409Conflict,
        [ApprovalProblems.AlreadyDecidedCode] = StatusCodes.Status409Conflict,
        [ApprovalProblems.NotAnApproverCode] = StatusCodes.Status409Conflict,
    };

    public static RouteGroupBuilder MapReplySupportEndpoints(this RouteGroupBuilder replies)
    {
        replies.MapPost("/{id:guid}/record-decision", RecordDecisionAsync).WithName("RecordReplyDecision")
            .WithJsonBody<RecordReplyDecisionBody>(required: true)
            .WithSummary("Record the decision a reply meant")
            .WithDescription("For a reply that decided nothing (no decision) while its request is pending and its approver has not decided: records " +
                "the approver's approve or reject on their behalf, with the reason, as one change with the reply's resolution and the audit entry.")
            .WithResponses("The reply as resolved (resolution decided).");

        replies.MapPost("/{id:guid}/reprocess", ReprocessAsync).WithName("ReprocessReply")
            .WithJsonBody<ReplyActionBody>(required: true)
            .WithSummary("Read a reply's mail again")
            .WithDescription("For a reply that decided nothing (no decision, refused, late or ignored), once its cause is fixed: reads the mail " +
                "again through Graph and stores the new outcome on the same reply (previousOutcome keeps the old one); an Approve or Reject is " +
                "recorded as the approver's reply. A mail deleted after processing cannot be read again (code ReplyMailGone).")
            .WithResponses("The reply with its new outcome (resolution reprocessed).")
            .ProducesProblem(StatusCodes.Status502BadGateway);

        replies.MapPost("/{id:guid}/dismiss", DismissAsync).WithName("DismissReply")
            .WithJsonBody<ReplyActionBody>(required: true)
            .WithSummary("Dismiss a reply")
            .WithDescription("Marks a reply that did not decide the request as looked at, with nothing to do, and why.")
            .WithResponses("The reply as resolved (resolution dismissed).");
        return replies;
    }

    private static RouteHandlerBuilder WithResponses(this RouteHandlerBuilder endpoint, string ok) => endpoint.WithResponseDescriptions(
        (StatusCodes.Status200OK, ok),
        (StatusCodes.Status400BadRequest, "A missing or invalid field (errors names it: reason, decision, comment)."),
        (StatusCodes.Status404NotFound, "There is no processed reply with this id (code ReplyNotFound)."),
        (StatusCodes.Status409Conflict, "The reply does not allow this action now; the title says why (code ReplyActionNotApplicable, ApprovalClosed ...)."));

    private static async Task<Results<Ok<ReplyResolvedView>, HttpValidationProblem, NotFoundProblem, ConflictProblem, ProblemHttpResult>> RecordDecisionAsync(
        Guid id, HttpContext context, ReplySupport support, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJsonBody.ReadAsync<RecordReplyDecisionBody>(context.Request);
        if (body is null)
        {
            return ApprovalApiProblems.Invalid(errors!);
        }
        if (body.Decision is not { } decision)
        {
            return ApprovalApiProblems.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [ApprovalFields.Decision] = ["Say what the approver decided: \"approve\" or \"reject\"."],
            });
        }
        return Answer(await support.RecordDecisionAsync(id, decision, body.Comment, body.Reason ?? "", CurrentActor.Of(context.User), cancellationToken));
    }

    private static async Task<Results<Ok<ReplyResolvedView>, HttpValidationProblem, NotFoundProblem, ConflictProblem, ProblemHttpResult>> ReprocessAsync(
        Guid id, HttpContext context, ReplySupport support, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJsonBody.ReadAsync<ReplyActionBody>(context.Request);
        return body is null
            ? ApprovalApiProblems.Invalid(errors!)
            : Answer(await support.ReprocessAsync(id, body.Reason ?? "", CurrentActor.Of(context.User), cancellationToken));
    }

    private static async Task<Results<Ok<ReplyResolvedView>, HttpValidationProblem, NotFoundProblem, ConflictProblem, ProblemHttpResult>> DismissAsync(
        Guid id, HttpContext context, ReplySupport support, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJsonBody.ReadAsync<ReplyActionBody>(context.Request);
        return body is null
            ? ApprovalApiProblems.Invalid(errors!)
            : Answer(await support.DismissAsync(id, body.Reason ?? "", CurrentActor.Of(context.User), cancellationToken));
    }

    private static Results<Ok<ReplyResolvedView>, HttpValidationProblem, NotFoundProblem, ConflictProblem, ProblemHttpResult> Answer(Result<ProcessedReply> result)
    {
        if (result.Succeeded)
        {
            return TypedResults.Ok(ReplyResolvedView.Of(result.Value));
        }
        var problem = result.Problem;
        return Statuses.GetValueOrDefault(problem.Code) switch
        {
            StatusCodes.Status404NotFound => new NotFoundProblem(ApprovalApiProblems.Details(problem, StatusCodes.Status404NotFound)),
            StatusCodes.Status409Conflict => new ConflictProblem(ApprovalApiProblems.Details(problem, StatusCodes.Status409Conflict)),
            _ when problem.Field is not null => ApprovalApiProblems.Invalid(problem),
            _ => TypedResults.Problem(ApprovalApiProblems.Details(problem, StatusCodes.Status502BadGateway)),
        };
    }
}

/// <summary>The body of <c>POST /api/v1/replies/{id}/record-decision</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RecordReplyDecisionBody
{
    [Description("approve or reject: what the approver meant.")]
    public DecisionKind? Decision { get; init; }

    [Description("The approver's comment (optional, at most 4000 characters), usually taken from their mail.")]
    public string? Comment { get; init; }

    [Description("Why you record it for them (required, at most 1000 characters); audited.")]
    public string? Reason { get; init; }
}

/// <summary>The body of <c>POST /api/v1/replies/{id}/reprocess</c> and <c>/dismiss</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReplyActionBody
{
    [Description("Why (required, at most 1000 characters); audited.")]
    public string? Reason { get; init; }
}

/// <summary>A reply after a support action: its outcome (and the one before a reprocessing), and who resolved it, when and why.</summary>
/// <param name="Resolution">decided, reprocessed or dismissed.</param>
public sealed record ReplyResolvedView(Guid Id, string Outcome, string? PreviousOutcome, string Reason, Guid? ApprovalId, string? Decision,
    string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt, string? ResolutionReason)
{
    internal static ReplyResolvedView Of(ProcessedReply r) => new(r.Id, ReplyJsonNames.Of(r.Outcome), ReplyJsonNames.Of(r.PreviousOutcome), r.Reason,
        r.ApprovalRequestId, ReplyJsonNames.Of(r.Decision), ReplyJsonNames.Of(r.Resolution), r.ResolvedBy, r.ResolvedAt, r.ResolutionReason);
}
