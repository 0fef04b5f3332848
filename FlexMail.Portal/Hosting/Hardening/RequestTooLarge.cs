using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>The 413 answer to a request over a limit: ProblemDetails, or plain text for a client that takes no JSON.</summary>
internal static class RequestTooLarge
{
    public const string Title = "The request is too large";

    public static string BodyDetail(long limit, long? length) =>
        $"FlexMail accepts request bodies of at most {Size(limit)}" +
        (length is { } sent ? $"; this one is {Size(sent)}." : ".") +
        $" Send less in one request (the limit is {RequestLimitsOptions.SectionName}:MaxRequestBodyBytes).";

    public static string FormDetail(RequestLimitsOptions limits) =>
        $"A form may have at most {limits.MaxFormValueCount.ToString("N0", CultureInfo.InvariantCulture)} fields, each name at most " +
        $"{limits.MaxFormKeyLength.ToString("N0", CultureInfo.InvariantCulture)} characters and each value at most " +
        $"{limits.MaxFormValueLength.ToString("N0", CultureInfo.InvariantCulture)} characters; this one has more.";

    public static async Task WriteAsync(HttpContext context, IProblemDetailsService problemDetails, string detail, long? limit)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (HttpProtocol.IsHttp10(context.Request.Protocol) || HttpProtocol.IsHttp11(context.Request.Protocol))
        {
            // The rest of the body is not read: the connection is not kept for another request.
            response.Headers.Connection = "close";
        }
        var problem = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = Title, Detail = detail };
        if (limit is { } bytes)
        {
            problem.Extensions["limit"] = bytes;
        }
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"{Title}. {detail}");
        }
    }

    /// <summary>"1 MiB (1,048,576 bytes)", "64 KiB (65,536 bytes)", "1,500 bytes".</summary>
    public static string Size(long bytes)
    {
        var exact = $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes";
        return bytes switch
        {
            >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB ({exact})",
            >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB ({exact})",
            _ => exact,
        };
    }
}
