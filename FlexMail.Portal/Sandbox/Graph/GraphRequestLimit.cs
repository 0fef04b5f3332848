namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// Graph's limit on one request: 4 MB (sendMail and message bodies included; larger attachments go through upload
/// sessions). Over it Graph answers 413 with <c>{"error":{"code":"BadRequest","message":"The maximum request length
/// supported is 4MB."}}</c>.
/// </summary>
public static class GraphRequestLimit
{
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public const string Message = "The maximum request length supported is 4MB.";

    /// <summary>Writes Graph's 413 error body (the status and headers are already set).</summary>
    public static async Task WriteAsync(HttpContext context, long? limit)
    {
        var dispatcher = context.RequestServices.GetRequiredService<GraphDispatcher>();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new GraphRequest(context.Request.Method, "", new Dictionary<string, string>(), headers, null,
            context.RequestServices.GetRequiredService<SandboxBaseAddress>().GraphBaseUrl);
        var result = dispatcher.Error(request, new GraphException(StatusCodes.Status413PayloadTooLarge, "BadRequest", Message));
        context.Response.Headers["client-request-id"] = request.ClientRequestId;
        foreach (var (name, value) in result.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = SandboxGraphEndpoints.JsonContentType;
        await context.Response.WriteAsync(result.Body!.ToJsonString(), context.RequestAborted);
    }
}
