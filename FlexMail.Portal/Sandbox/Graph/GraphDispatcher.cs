using System.Text.Json.Nodes;
using FlexMail.Portal.Sandbox.Identity;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// Serves one Graph request (from HTTP or a <c>$batch</c> step): authenticates the bearer token, finds the route,
/// runs the handler and turns a <see cref="GraphException"/> into Graph's error body.
/// </summary>
public sealed partial class GraphDispatcher(
    SandboxTokenService tokens,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<GraphDispatcher> logger)
{
    private GraphRoutes Routes => services.GetRequiredService<GraphRoutes>();

    /// <param name="request">The request.</param>
    /// <param name="token">The caller, already authenticated (a <c>$batch</c> step), or null to read the Authorization header.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<GraphResult> DispatchAsync(GraphRequest request, SandboxAccessToken? token, CancellationToken cancellationToken)
    {
        GraphResult result;
        try
        {
            token ??= await AuthenticateAsync(request, cancellationToken);
            var (route, values) = Routes.Find(request.Method, request.Path);
            result = await route.Handler(new GraphCall(request, token, values, this), cancellationToken);
            if (request.WantsImmutableIds)
            {
                result.Headers["Preference-Applied"] = GraphRequest.ImmutableIdPreference;
            }
        }
        catch (GraphException error)
        {
            result = Error(request, error);
            if (error.Code == "InvalidAuthenticationToken")
            {
                result.Headers["WWW-Authenticate"] =
                    $"Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"{SandboxTenant.GraphAppId}\"";
            }
        }
        LogServed(logger, request.Method, request.Path, result.Status);
        return result;
    }

    /// <summary>Graph's error body: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>.</summary>
    public GraphResult Error(GraphRequest request, GraphException error)
    {
        var requestId = Guid.NewGuid().ToString();
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = error.Code,
                ["message"] = error.Message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = request.Header("client-request-id") ?? requestId,
                },
            },
        };
        var result = new GraphResult(error.Status, body);
        result.Headers["request-id"] = requestId;
        return result;
    }

    private async Task<SandboxAccessToken> AuthenticateAsync(GraphRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(authorization[7..]))
        {
            throw new GraphException(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty.");
        }
        return await tokens.ValidateAccessTokenAsync(authorization[7..].Trim(), cancellationToken)
            ?? throw new GraphException(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token validation failure.");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox Graph {Method} /v1.0/{Path} answered {Status}")]
    private static partial void LogServed(ILogger logger, string method, string path, int status);
}
