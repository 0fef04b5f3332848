using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// <c>POST /$batch</c>: up to 20 steps, run in order through the same dispatcher with the batch's caller; a step
/// whose <c>dependsOn</c> failed answers 424.
/// </summary>
public sealed class GraphBatchHandler
{
    public const int MaxRequests = 20;

    public async Task<GraphResult> ExecuteAsync(GraphCall call, CancellationToken cancellationToken)
    {
        if (GraphBody.Property(call.Request.Body, "requests") is not { ValueKind: JsonValueKind.Array } requests)
        {
            throw GraphException.BadRequest("Invalid batch payload format.");
        }
        if (requests.GetArrayLength() > MaxRequests)
        {
            throw GraphException.BadRequest($"The number of requests in a batch cannot exceed {MaxRequests}.");
        }
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var responses = new JsonArray();
        foreach (var step in requests.EnumerateArray())
        {
            var id = GraphBody.String(step, "id") is { Length: > 0 } stepId ? stepId : throw GraphException.BadRequest("Invalid batch payload format.");
            var request = Request(call.Request, step);
            var result = DependencyFailed(step, statuses)
                ? call.Dispatcher.Error(request, new GraphException(StatusCodes.Status424FailedDependency, "FailedDependency",
                    "The request depends on a request that failed."))
                : await call.Dispatcher.DispatchAsync(request, call.Token, cancellationToken);
            statuses[id] = result.Status;
            responses.Add(Response(id, result));
        }
        return GraphResult.Ok(new JsonObject { ["responses"] = responses });
    }

    private static bool DependencyFailed(JsonElement step, Dictionary<string, int> statuses) =>
        GraphBody.Property(step, "dependsOn") is { ValueKind: JsonValueKind.Array } dependsOn
        && dependsOn.EnumerateArray().Any(d => !statuses.TryGetValue(d.ToString(), out var status) || status >= 400);

    private static GraphRequest Request(GraphRequest batch, JsonElement step)
    {
        var method = GraphBody.String(step, "method")?.ToUpperInvariant() ?? throw GraphException.BadRequest("Invalid batch payload format.");
        var url = GraphBody.String(step, "url") ?? throw GraphException.BadRequest("Invalid batch payload format.");
        var queryStart = url.IndexOf('?');
        var path = RelativePath(queryStart < 0 ? url : url[..queryStart]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (GraphBody.Property(step, "headers") is { ValueKind: JsonValueKind.Object } stepHeaders)
        {
            foreach (var header in stepHeaders.EnumerateObject())
            {
                headers[header.Name] = header.Value.ToString();
            }
        }
        return new GraphRequest(method, path, GraphRequest.ParseQuery(queryStart < 0 ? null : url[(queryStart + 1)..]), headers,
            GraphBody.Property(step, "body"), batch.GraphBaseUrl);
    }

    // Steps name paths relative to the version ("/me/messages"). The Graph SDK cuts its base URL's first five
    // characters off (it expects "/v1.0"), so under a longer base path the step still carries "…/v1.0/": skip past it.
    private static string RelativePath(string url)
    {
        var path = url.TrimStart('/');
        var version = path.IndexOf("v1.0/", StringComparison.OrdinalIgnoreCase);
        return version >= 0 && (version == 0 || path[version - 1] == '/') ? path[(version + 5)..] : path;
    }

    private static JsonObject Response(string id, GraphResult result)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in result.Headers)
        {
            headers[name] = value;
        }
        if (result.Body is not null)
        {
            headers["Content-Type"] = SandboxGraphEndpoints.JsonContentType;
        }
        var response = new JsonObject { ["id"] = id, ["status"] = result.Status, ["headers"] = headers };
        if (result.Body is not null)
        {
            response["body"] = result.Body.DeepClone();
        }
        return response;
    }
}
