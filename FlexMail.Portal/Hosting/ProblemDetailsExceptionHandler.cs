using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FlexMail.Portal.Hosting;

/// <summary>
/// Answers an unhandled exception on a request that is not a page (an endpoint, a program calling the portal) with
/// RFC 7807 ProblemDetails instead of the HTML error page; pages keep the portal's error page. The exception's message
/// stays in the log: it may name internals, so the answer only says that the request failed and carries the trace id.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (IsPageRequest(httpContext.Request))
        {
            return false;
        }
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read",
                "The request is malformed or too large for this endpoint. Check the parameters and send it again."),
            _ => (StatusCodes.Status500InternalServerError, "FlexMail could not finish this request",
                "Something unexpected went wrong; nothing is known to have changed. Try again; if it fails again, the portal's log has the details (search for the trace id)."),
        };
        Unhandled(logger, httpContext.Request.Method, httpContext.Request.Path, status, exception);
        httpContext.Response.StatusCode = status;
        var answer = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = answer }))
        {
            return true;
        }
        // The request's Accept header allows no JSON (a DELETE sent with "Accept: text/html", say). Declining here would
        // re-run /error with the original method, and the error page, a GET page, would answer an empty 405: answer
        // ProblemDetails all the same, with the trace id the writer would have added.
        answer.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? httpContext.TraceIdentifier;
        await httpContext.Response.WriteAsJsonAsync(answer, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>A browser asking for a page (GET accepting HTML) gets the error page, not JSON.</summary>
    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) &&
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure of {Method} {Path}: answered {Status} ProblemDetails")]
    private static partial void Unhandled(ILogger logger, string method, string path, int status, Exception exception);
}
