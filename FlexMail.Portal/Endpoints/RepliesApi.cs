using FlexMail.Domain.Approvals.Replies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The reply monitor for integrators: the replies it processed (<c>/api/v1/replies</c>), its state (<c>/api/v1/monitor</c>)
/// and a dry run of the reply parser (<c>POST /api/v1/replies/parse</c>, nothing recorded). Refusals are ProblemDetails.
/// </summary>
internal static class RepliesApi
{
    public const string Path = "/api/v1/replies";

    public static RouteGroupBuilder MapRepliesApi(this RouteGroupBuilder api)
    {
        var replies = api.MapGroup("/replies").WithTags("Replies")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        replies.MapGet("", ListAsync).WithName("ListReplies")
            .WithSummary("List processed replies")
            .WithDescription("A page of the mails the reply monitor took from the Email Reply Folder, newest first, with their outcome and why; " +
                "filtered by outcome, approval request, sender and time. next is the address of the next page.")
            .WithResponseDescriptions(
                (StatusCodes.Status200OK, "The page."),
                (StatusCodes.Status400BadRequest, "A query parameter that cannot be used (errors names it)."));

        replies.MapGet("/{id:guid}", GetAsync).WithName("GetReply")
            .WithSummary("Read a processed reply")
            .WithDescription("One processed reply with how it was matched to its approval mail, the line that decided, the approver's own text, " +
                "each step's verdict and timing, and the headers that mattered.")
            .WithResponseDescriptions(
                (StatusCodes.Status200OK, "The reply."),
                (StatusCodes.Status404NotFound, "There is no processed reply with this id (code ReplyNotFound)."));

        replies.MapPost("/parse", ReplyParseEndpoint.ParseAsync).WithName("ParseReply")
            .WithMetadata(new RequestSizeLimitAttribute(ReplyParseEndpoint.MaxBodyBytes))
            .WithReplyBody()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Parse a reply without recording it")
            .WithDescription("Reads a reply body as the monitor would: text/plain or text/html (the body alone), or message/rfc822 (a whole mail, " +
                "whose automatic replies and bounces decide nothing). Answers the decision on the first line of the approver's own text, the comment " +
                "and why; nothing is recorded and no request changes. At most 2 MiB.")
            .WithResponseDescriptions(
                (StatusCodes.Status200OK, "What FlexMail reads in the reply."),
                (StatusCodes.Status400BadRequest, "The body is empty or cannot be read (errors names body)."),
                (StatusCodes.Status413PayloadTooLarge, "The body is over 2 MiB."),
                (StatusCodes.Status415UnsupportedMediaType, "The body is not text/plain, text/html or message/rfc822 (code UnsupportedReplyType)."));

        api.MapGet("/monitor", GetMonitorAsync).WithName("GetReplyMonitor").WithTags("Monitor")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Read the reply monitor's state")
            .WithDescription("Whether the monitor runs, is paused or stopped (with the cause and the fix), what its last cycle saw and did, " +
                "when the next one runs, the backlog and the mails it leaves in the folder.")
            .WithResponseDescriptions((StatusCodes.Status200OK, "The monitor's state."));

        replies.MapReplySupportEndpoints();
        return api;
    }

    private static async Task<Results<Ok<ReplyPage>, HttpValidationProblem>> ListAsync(
        [AsParameters] ReplyListParameters parameters, HttpContext context, ReplyQueries queries, CancellationToken cancellationToken)
    {
        var (query, paging, errors) = parameters.Parse();
        if (errors is not null)
        {
            return ApprovalApiProblems.Invalid(errors);
        }
        var found = await queries.ListAsync(query, cancellationToken);
        var next = (long)paging.Page * paging.PageSize < found.TotalCount ? parameters.NextPage(context.Request, paging) : null;
        return TypedResults.Ok(new ReplyPage([.. found.Items.Select(ReplyItemView.Of)], paging.Page, paging.PageSize, found.TotalCount, next));
    }

    private static async Task<Results<Ok<ReplyDetailsView>, NotFoundProblem>> GetAsync(Guid id, ReplyQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } details
            ? TypedResults.Ok(ReplyDetailsView.Of(details))
            : new NotFoundProblem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = $"There is no processed reply {id}.",
                Detail = "Use the id of a reply listed by GET /api/v1/replies.",
                Extensions = { ["code"] = "ReplyNotFound" },
            });

    private static async Task<Ok<ReplyMonitorView>> GetMonitorAsync(ReplyMonitorControl control, CancellationToken cancellationToken) =>
        TypedResults.Ok(ReplyMonitorView.Of(await control.GetStatusAsync(cancellationToken)));
}
