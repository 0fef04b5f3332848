using FlexMail.Domain.Approvals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using DomainValidationProblem = FlexMail.Domain.Validation.ValidationProblem;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The one place the approvals API turns a domain <see cref="Problem"/> into RFC 7807 ProblemDetails: the status per
/// problem code, <c>title</c> = the cause, <c>detail</c> = the fix, the code (and field) as extensions; a problem with a
/// field, and every refused body, as a 400 <c>ValidationProblemDetails</c> whose <c>errors</c> name each field.
/// </summary>
internal static class ApprovalApiProblems
{
    public const string InvalidTitle = "The request has fields FlexMail cannot accept.";

    public const string InvalidDetail = "Fix each field named in errors, then send the request again: nothing was stored.";

    /// <summary>The codes answered with another status than 400.</summary>
    private static readonly Dictionary<string, int> Statuses = new(StringComparer.Ordinal)
    {
        [ApprovalProblems.NotFoundCode] = StatusCodes.Status404NotFound,
        [ApprovalProblems.ClosedCode] = StatusCodes.Status409Conflict,
        [ApprovalProblems.AlreadyDecidedCode] = StatusCodes.Status409Conflict,
        [ApprovalProblems.ExternalIdConflictCode] = StatusCodes.Status409Conflict,
        ["NobodyToRemind"] = StatusCodes.Status409Conflict,
    };

    public static int StatusOf(Problem problem) => Statuses.GetValueOrDefault(problem.Code, StatusCodes.Status400BadRequest);

    /// <summary>A refusal of the request as a whole, or of its fields.</summary>
    public static Results<TSuccess, HttpValidationProblem, NotFoundProblem, ConflictProblem> Failure<TSuccess>(Problem problem)
        where TSuccess : IResult => StatusOf(problem) switch
        {
            StatusCodes.Status404NotFound => new NotFoundProblem(Details(problem, StatusCodes.Status404NotFound)),
            StatusCodes.Status409Conflict => new ConflictProblem(Details(problem, StatusCodes.Status409Conflict)),
            _ => Invalid(problem),
        };

    public static NotFoundProblem NotFound(Guid id) =>
        new(Details(ApprovalProblems.NotFound(id), StatusCodes.Status404NotFound));

    public static ConflictProblem Conflict(Problem problem) => new ConflictProblem(Details(problem, StatusCodes.Status409Conflict));

    /// <summary>A 400 naming the fields: every error of a validation report, or the one field (else the body) a problem is about.</summary>
    public static HttpValidationProblem Invalid(Problem problem)
    {
        if (problem is DomainValidationProblem validation)
        {
            var errors = validation.Report.Issues.Where(issue => issue.Severity == Domain.Validation.IssueSeverity.Error)
                .GroupBy(issue => issue.Field.Length == 0 ? ApiJsonBody.BodyField : issue.Field, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(issue => issue.Message).ToArray(), StringComparer.Ordinal);
            return Invalid(errors, problem.Code);
        }
        var field = problem.Field is { Length: > 0 } named ? named : ApiJsonBody.BodyField;
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [problem.ToString()] },
            detail: NullIfEmpty(problem.Fix), title: problem.Cause, extensions: Extensions(problem.Code, field));
    }

    /// <summary>A 400 for these fields' errors (field → messages).</summary>
    public static HttpValidationProblem Invalid(IDictionary<string, string[]> errors, string code = DomainValidationProblem.ProblemCode) =>
        TypedResults.ValidationProblem(errors, detail: InvalidDetail, title: InvalidTitle, extensions: Extensions(code, null));

    public static ProblemDetails Details(Problem problem, int status)
    {
        var details = new ProblemDetails { Status = status, Title = problem.Cause, Detail = NullIfEmpty(problem.Fix) };
        foreach (var (name, value) in Extensions(problem.Code, problem.Field))
        {
            details.Extensions[name] = value;
        }
        return details;
    }

    private static Dictionary<string, object?> Extensions(string code, string? field)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (field is { Length: > 0 })
        {
            extensions["field"] = field;
        }
        return extensions;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
