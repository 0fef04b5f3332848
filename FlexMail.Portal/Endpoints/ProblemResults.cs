using Microsoft.AspNetCore.Http.HttpResults;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The one place a domain <see cref="Problem"/> becomes an HTTP answer: RFC 7807 ProblemDetails whose title names what
/// could not be done, whose detail is the cause and the fix in plain words, with the problem's code (and field) as
/// extensions for programs.
/// </summary>
internal static class ProblemResults
{
    public static ProblemHttpResult From(Problem problem, string title, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var extensions = new Dictionary<string, object?> { ["code"] = problem.Code };
        if (problem.Field is { Length: > 0 } field)
        {
            extensions["field"] = field;
        }
        return TypedResults.Problem(detail: problem.ToString(), statusCode: statusCode, title: title, extensions: extensions);
    }

    /// <summary>A request that cannot be served as sent (a missing or wrong query parameter).</summary>
    public static ProblemHttpResult BadRequest(string code, string title, string detail) =>
        From(new Problem(code, detail), title);
}
