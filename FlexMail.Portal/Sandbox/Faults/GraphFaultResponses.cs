using System.Globalization;
using System.Text.Json.Serialization;

namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// The error responses the fault middleware answers with, in Microsoft Graph's error shape
/// (<c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>) with <c>Retry-After</c>.
/// </summary>
public static class GraphFaultResponses
{
    /// <summary>Exchange Online's answer to an app over its concurrent requests on one mailbox.</summary>
    public const string ConcurrencyCode = "ApplicationThrottled";
    public const string ConcurrencyMessage = "Application is over its MailboxConcurrency limit.";

    /// <summary>Graph's documented answer to a client over its request rate (throttling guidance).</summary>
    public const string TooManyRequestsCode = "TooManyRequests";
    public const string TooManyRequestsMessage = "Please retry again later.";

    /// <summary>Graph's documented code for a service that is temporarily unavailable.</summary>
    public const string ServiceUnavailableCode = "serviceNotAvailable";
    public const string ServiceUnavailableMessage = "The service is temporarily unavailable. Try the request again after a delay.";

    /// <summary>What the sandbox asks a client to wait after a random 503.</summary>
    public static readonly TimeSpan ServiceUnavailableRetryAfter = TimeSpan.FromSeconds(1);

    public static Task WriteThrottledAsync(HttpContext context, ThrottleDecision decision, TimeProvider clock) =>
        decision.Limit == ThrottleLimit.Concurrency
            ? WriteAsync(context, StatusCodes.Status429TooManyRequests, decision.RetryAfter, ConcurrencyCode, ConcurrencyMessage, clock)
            : WriteAsync(context, StatusCodes.Status429TooManyRequests, decision.RetryAfter, TooManyRequestsCode, TooManyRequestsMessage, clock);

    public static Task WriteServiceUnavailableAsync(HttpContext context, TimeProvider clock) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ServiceUnavailableRetryAfter, ServiceUnavailableCode, ServiceUnavailableMessage, clock);

    private static Task WriteAsync(HttpContext context, int status, TimeSpan retryAfter, string code, string message, TimeProvider clock)
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = context.Request.Headers["client-request-id"].ToString();
        if (clientRequestId.Length == 0)
        {
            clientRequestId = requestId;
        }
        var response = context.Response;
        response.StatusCode = status;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers["request-id"] = requestId;
        response.Headers["client-request-id"] = clientRequestId;
        var date = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return response.WriteAsJsonAsync(new GraphErrorBody(new GraphError(code, message, new GraphInnerError(date, requestId, clientRequestId))),
            context.RequestAborted);
    }

    private sealed record GraphErrorBody([property: JsonPropertyName("error")] GraphError Error);

    private sealed record GraphError(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("innerError")] GraphInnerError InnerError);

    private sealed record GraphInnerError(
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("request-id")] string RequestId,
        [property: JsonPropertyName("client-request-id")] string ClientRequestId);
}
