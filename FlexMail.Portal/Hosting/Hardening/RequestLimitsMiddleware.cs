using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Answers a request over <see cref="RequestLimitsOptions"/> with 413 ProblemDetails, never a 500 or an error page:
/// at once when its <c>Content-Length</c> says so; when reading a body without length (chunked) runs past the limit
/// (Kestrel stops it); when a form has too many or too long fields; and when anything else answered a bare 413.
/// An endpoint with <see cref="OwnRequestTooLargeAnswer"/> answers in its own format instead.
/// </summary>
internal sealed partial class RequestLimitsMiddleware(
    RequestDelegate next,
    IOptions<RequestLimitsOptions> options,
    IProblemDetailsService problemDetails,
    ILogger<RequestLimitsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = BodyLimit(context);
        var length = context.Request.ContentLength;
        if (limit is { } announcedLimit && length > announcedLimit)
        {
            await RefuseAsync(context, RequestTooLarge.BodyDetail(announcedLimit, length), announcedLimit);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            var max = limit ?? options.Value.MaxRequestBodyBytes;
            await RefuseAsync(context, RequestTooLarge.BodyDetail(max, null), max);
            return;
        }
        catch (InvalidDataException exception) when (IsFormLimit(context, exception))
        {
            await RefuseAsync(context, RequestTooLarge.FormDetail(options.Value), null);
            return;
        }
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            var max = limit ?? options.Value.MaxRequestBodyBytes;
            await RefuseAsync(context, RequestTooLarge.BodyDetail(max, null), max);
        }
    }

    /// <summary>The limit Kestrel applies to this request (an endpoint may have changed it), else the configured one.</summary>
    private long? BodyLimit(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { } feature ? feature.MaxRequestBodySize : options.Value.MaxRequestBodyBytes;

    /// <summary>The form reader's "Form value count limit 128 exceeded." and its kin (key, value, multipart lengths).</summary>
    private static bool IsFormLimit(HttpContext context, InvalidDataException exception) =>
        !context.Response.HasStarted && context.Request.HasFormContentType
        && exception.Message.Contains(" limit ", StringComparison.Ordinal) && exception.Message.Contains("exceeded", StringComparison.Ordinal);

    private async Task RefuseAsync(HttpContext context, string detail, long? limit)
    {
        var length = context.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unannounced";
        LogRefused(logger, context.Request.Method, context.Request.Path, length, limit);
        if (context.GetEndpoint()?.Metadata.GetMetadata<OwnRequestTooLargeAnswer>() is { } own)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (HttpProtocol.IsHttp10(context.Request.Protocol) || HttpProtocol.IsHttp11(context.Request.Protocol))
            {
                context.Response.Headers.Connection = "close";
            }
            await own.WriteAsync(context, limit);
            return;
        }
        await RequestTooLarge.WriteAsync(context, problemDetails, detail, limit);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 413: Content-Length {Length}, body limit {Limit} bytes (none: a form limit)")]
    private static partial void LogRefused(ILogger logger, string method, string path, string length, long? limit);
}
