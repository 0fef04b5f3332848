using System.Globalization;

namespace FlexMail.Portal.Sandbox.Identity;

/// <summary>
/// How the identity platform answers errors: a JSON body on the token and discovery endpoints, a page where a
/// browser is in front of it, and query parameters on the client's redirect URI once that URI is trusted.
/// </summary>
public static class EntraResponses
{
    /// <summary>The token endpoint's error body (<c>error</c>, <c>error_description</c>, <c>error_codes</c>, ids and timestamp).</summary>
    public static IResult Json(HttpContext context, EntraError error, TimeProvider clock)
    {
        var trace = Trace.Create(context, clock);
        var body = new Dictionary<string, object>
        {
            ["error"] = error.Error,
            ["error_description"] = trace.Describe(error),
            ["error_codes"] = new[] { error.Code },
            ["timestamp"] = trace.Timestamp,
            ["trace_id"] = trace.TraceId,
            ["correlation_id"] = trace.CorrelationId,
            ["error_uri"] = $"https://login.microsoftonline.com/error?code={error.Code}",
        };
        if (error.SubError is not null)
        {
            body["suberror"] = error.SubError;
        }
        NoStore(context);
        return Results.Json(body, statusCode: error.StatusCode);
    }

    /// <summary>The error page a browser sees when the request cannot be sent back to the client.</summary>
    /// <param name="fixes">The sandbox's own help shown under the error (links back to FlexMail), if any.</param>
    public static IResult Page(HttpContext context, EntraError error, TimeProvider clock, IReadOnlyList<ErrorPageFix>? fixes = null)
    {
        var trace = Trace.Create(context, clock);
        NoStore(context);
        return SandboxIdentityPages.Html(SandboxIdentityPages.Error(error, trace, fixes), error.StatusCode);
    }

    /// <summary>The parameters that carry an error back to a trusted redirect URI.</summary>
    public static IReadOnlyDictionary<string, string?> RedirectParameters(HttpContext context, EntraError error, string? state, TimeProvider clock) =>
        new Dictionary<string, string?>
        {
            ["error"] = error.Error,
            ["error_description"] = Trace.Create(context, clock).Describe(error),
            ["error_uri"] = $"https://login.microsoftonline.com/error?code={error.Code}",
            ["state"] = state,
        };

    public static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
    }

    /// <summary>The ids Entra prints under every error: a trace id, the client's correlation id, a timestamp.</summary>
    public sealed record Trace(string TraceId, string CorrelationId, string Timestamp)
    {
        public static Trace Create(HttpContext context, TimeProvider clock)
        {
            var correlation = context.Request.Headers["client-request-id"].ToString();
            return new Trace(
                Guid.NewGuid().ToString(),
                Guid.TryParse(correlation, out var id) ? id.ToString() : Guid.NewGuid().ToString(),
                clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        public string Describe(EntraError error) =>
            $"AADSTS{error.Code}: {error.Message} Trace ID: {TraceId} Correlation ID: {CorrelationId} Timestamp: {Timestamp}";
    }
}
