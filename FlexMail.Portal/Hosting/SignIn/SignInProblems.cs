using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FlexMail.Portal.Hosting.SignIn;

/// <summary>The 401 and 403 answers for requests that are not a person opening a page: ProblemDetails saying what to do.</summary>
internal static class SignInProblems
{
    /// <summary>Writes the answer, and keeps the status code pages from re-running it as the not-found page.</summary>
    public static async Task AnswerAsync(HttpContext context, int status, string title, string detail)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
