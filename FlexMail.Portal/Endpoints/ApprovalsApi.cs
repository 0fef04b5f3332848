using FlexMail.Domain.Approvals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// Approval requests for integrators (<c>/api/v1/approvals</c>): create one, read it or a page of them, record an
/// approver's decision, cancel it, remind its approvers. Answers are the approvals' JSON shape (<see cref="ApprovalJson"/>);
/// refusals are ProblemDetails (<see cref="ApprovalApiProblems"/>).
/// </summary>
internal static class ApprovalsApi
{
    public const string Path = "/api/v1/approvals";

    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        var approvals = api.MapGroup("/approvals").WithTags("Approvals")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        approvals.MapPost("", CreateAsync).WithName("CreateApproval")
            .WithJsonBody<CreateApprovalBody>(required: true)
            .WithSummary("Create an approval request")
            .WithDescription("Stores the request and queues one approval mail per approver; the answer comes at once, the mails follow. " +
                "With an externalId the call is idempotent: the same body again answers 200 with the existing request; a different body with " +
                "the same externalId answers 409 (code ExternalIdConflict). Every invalid field is named at once in errors.")
            .WithResponseDescriptions(
                (StatusCodes.Status201Created, "Created: the new request; its address is in the Location header."),
                (StatusCodes.Status200OK, "A request with this externalId and the same body already exists: that request, nothing new was created."),
                (StatusCodes.Status400BadRequest, "Invalid fields or an unreadable body (malformed JSON, an unknown enum value): errors names each field."),
                (StatusCodes.Status409Conflict, "The externalId is already used by a request that asks for something else (code ExternalIdConflict)."));

        approvals.MapGet("", ListAsync).WithName("ListApprovals")
            .WithSummary("List approval requests")
            .WithDescription("A page of requests, newest first, filtered by status, externalId and creation time; next is the address of the next page.")
            .WithResponseDescriptions(
                (StatusCodes.Status200OK, "The page."),
                (StatusCodes.Status400BadRequest, "A query parameter that cannot be used (errors names it)."));

        approvals.MapGet("/{id:guid}", GetAsync).WithName("GetApproval")
            .WithSummary("Read an approval request")
            .WithDescription("The request with its approvers, their mails' state, the decisions so far and, once closed, its outcome: poll this to learn the decision.")
            .WithResponseDescriptions(
                (StatusCodes.Status200OK, "The request."),
                (StatusCodes.Status404NotFound, "There is no request with this id (code ApprovalNotFound)."));

        approvals.MapPost("/{id:guid}/decisions", DecideAsync).WithName("RecordDecision")
            .WithJsonBody<DecisionBody>(required: true)
            .WithSummary("Record an approver's decision")
            .WithDescription("Records the approver's approve or reject, as if they had replied to their mail; when the policy says so, the decision " +
                "ends the request (any approver: the first decision; quorum: enough approvals, or any rejection). Each approver decides once. " +
                "Naming someone who is not an approver of the request is a 400 naming the approver field (code NotAnApprover).")
            .WithResponseDescriptions(
                (StatusCodes.Status200OK, "The decision recorded and the request as it stands after it."),
                (StatusCodes.Status400BadRequest, "A missing or invalid field, or an approver the request does not have (code NotAnApprover)."),
                (StatusCodes.Status404NotFound, "There is no request with this id (code ApprovalNotFound)."),
                (StatusCodes.Status409Conflict, "The request is closed (code ApprovalClosed) or this approver has already decided (code AlreadyDecided)."));

        approvals.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelApproval")
            .WithJsonBody<CancelBody>(required: false)
            .WithSummary("Cancel an approval request")
            .WithDescription("Withdraws a pending request (the body with a reason is optional); it takes no further decisions and its callback is told.")
            .WithResponseDescriptions(
                (StatusCodes.Status200OK, "The cancelled request."),
                (StatusCodes.Status400BadRequest, "The reason is too long, or the body cannot be read."),
                (StatusCodes.Status404NotFound, "There is no request with this id (code ApprovalNotFound)."),
                (StatusCodes.Status409Conflict, "The request is already closed (code ApprovalClosed)."));

        approvals.MapPost("/{id:guid}/reminders", RemindAsync).WithName("RemindApprovers")
            .WithJsonBody<ReminderBody>(required: false)
            .WithSummary("Remind the approvers")
            .WithDescription("Queues a new approval mail, with a fresh reply token, to one approver or (without a body) to every approver who has not decided.")
            .WithResponseDescriptions(
                (StatusCodes.Status202Accepted, "The reminders are queued; reminded lists the addresses."),
                (StatusCodes.Status400BadRequest, "An approver the request does not have (code NotAnApprover), or the body cannot be read."),
                (StatusCodes.Status404NotFound, "There is no request with this id (code ApprovalNotFound)."),
                (StatusCodes.Status409Conflict, "The request is closed, that approver has decided, or everyone has (codes ApprovalClosed, AlreadyDecided, NobodyToRemind)."));
        return api;
    }

    public static string Location(Guid id) => $"{Path}/{id}";

    private static async Task<Results<Created<ApprovalView>, Ok<ApprovalView>, HttpValidationProblem, ConflictProblem>> CreateAsync(
        HttpContext context, ApprovalService approvals, ApprovalQueries queries, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJsonBody.ReadAsync<CreateApprovalBody>(context.Request);
        if (body is null)
        {
            return ApprovalApiProblems.Invalid(errors!);
        }
        var (created, problem) = await approvals.CreateAsync(body.ToDraft(), ApiCaller.OriginOf(context), cancellationToken);
        if (created is null)
        {
            return ApprovalApiProblems.StatusOf(problem!) == StatusCodes.Status409Conflict
                ? ApprovalApiProblems.Conflict(problem!)
                : ApprovalApiProblems.Invalid(problem!);
        }
        var view = await ViewAsync(queries, created.Id, cancellationToken);
        return created.AlreadyExisted ? TypedResults.Ok(view) : TypedResults.Created(Location(created.Id), view);
    }

    private static async Task<Results<Ok<ApprovalPage>, HttpValidationProblem>> ListAsync(
        [AsParameters] ApprovalListParameters parameters, HttpContext context, ApprovalQueries queries, CancellationToken cancellationToken)
    {
        var (query, paging, errors) = parameters.Parse();
        if (errors is not null)
        {
            return ApprovalApiProblems.Invalid(errors);
        }
        var found = await queries.ListAsync(query, cancellationToken);
        var next = paging.Page * paging.PageSize < found.TotalCount ? parameters.NextPage(context.Request, paging) : null;
        return TypedResults.Ok(new ApprovalPage(found.Items, paging.Page, paging.PageSize, found.TotalCount, next));
    }

    private static async Task<Results<Ok<ApprovalView>, NotFoundProblem>> GetAsync(Guid id, ApprovalQueries queries, CancellationToken cancellationToken) =>
        await queries.GetViewAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApprovalApiProblems.NotFound(id);

    private static async Task<Results<Ok<DecisionRecorded>, HttpValidationProblem, NotFoundProblem, ConflictProblem>> DecideAsync(
        Guid id, HttpContext context, ApprovalDecider decider, ApprovalQueries queries, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJsonBody.ReadAsync<DecisionBody>(context.Request);
        if (body is null)
        {
            return ApprovalApiProblems.Invalid(errors!);
        }
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.Approver))
        {
            missing[ApprovalFields.Approver] = ["Name the approver who decides: their email address, one of the request's approvers."];
        }
        if (body.Decision is null)
        {
            missing[ApprovalFields.Decision] = ["Say what they decided: \"approve\" or \"reject\"."];
        }
        if (missing.Count > 0)
        {
            return ApprovalApiProblems.Invalid(missing);
        }
        var command = new DecisionCommand(body.Approver!.Trim(), body.Decision!.Value, body.Comment);
        var (decision, problem) = await decider.DecideAsync(id, command, ApiCaller.OriginOf(context), cancellationToken);
        if (decision is null)
        {
            return ApprovalApiProblems.Failure<Ok<DecisionRecorded>>(problem!);
        }
        return TypedResults.Ok(new DecisionRecorded(decision, await ViewAsync(queries, id, cancellationToken)));
    }

    private static async Task<Results<Ok<ApprovalView>, HttpValidationProblem, NotFoundProblem, ConflictProblem>> CancelAsync(
        Guid id, HttpContext context, ApprovalLifecycle lifecycle, ApprovalQueries queries, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJsonBody.ReadAsync(context.Request, whenEmpty: new CancelBody());
        if (body is null)
        {
            return ApprovalApiProblems.Invalid(errors!);
        }
        var cancelled = await lifecycle.CancelAsync(id, body.Reason, ApiCaller.OriginOf(context), cancellationToken);
        if (!cancelled.Succeeded)
        {
            return ApprovalApiProblems.Failure<Ok<ApprovalView>>(cancelled.Problem);
        }
        return TypedResults.Ok(await ViewAsync(queries, id, cancellationToken));
    }

    private static async Task<Results<Accepted<RemindersQueued>, HttpValidationProblem, NotFoundProblem, ConflictProblem>> RemindAsync(
        Guid id, HttpContext context, ApprovalLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var (body, errors) = await ApiJsonBody.ReadAsync(context.Request, whenEmpty: new ReminderBody());
        if (body is null)
        {
            return ApprovalApiProblems.Invalid(errors!);
        }
        var approver = string.IsNullOrWhiteSpace(body.Approver) ? null : body.Approver.Trim();
        var (reminded, problem) = await lifecycle.RemindAsync(id, approver, ApiCaller.OriginOf(context), cancellationToken);
        if (reminded is null)
        {
            return ApprovalApiProblems.Failure<Accepted<RemindersQueued>>(problem!);
        }
        return TypedResults.Accepted(Location(id), new RemindersQueued(reminded));
    }

    /// <summary>The view of a request this call has just created or changed (requests are never deleted).</summary>
    private static async Task<ApprovalView> ViewAsync(ApprovalQueries queries, Guid id, CancellationToken cancellationToken) =>
        await queries.GetViewAsync(id, cancellationToken) ?? throw new InvalidOperationException($"The approval request {id} was just stored but cannot be read.");
}
