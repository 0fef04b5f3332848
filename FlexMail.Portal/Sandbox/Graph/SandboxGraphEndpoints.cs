using System.Text.Json;
using FlexMail.Portal.Hosting.Hardening;
using Microsoft.AspNetCore.Mvc;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>Registers and maps the sandbox's Microsoft Graph v1.0 (users and mail) under <c>/sandbox/graph/v1.0</c>.</summary>
public static class SandboxGraphEndpoints
{
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public static IServiceCollection AddSandboxGraph(this IServiceCollection services)
    {
        services.AddSingleton<GraphDispatcher>();
        services.AddSingleton<GraphRoutes>();
        services.AddSingleton<GraphMailboxes>();
        services.AddSingleton<GraphUserHandler>();
        services.AddSingleton<GraphFolderHandler>();
        services.AddSingleton<GraphMessageHandler>();
        services.AddSingleton<GraphSendHandler>();
        services.AddSingleton<GraphDraftHandler>();
        services.AddSingleton<GraphBatchHandler>();
        services.AddSingleton<GraphRuleHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapSandboxGraph(this IEndpointRouteBuilder app)
    {
        // Open to every caller (the bearer token is checked per request), whatever the portal's fallback authorization policy.
        // Graph's own request limit (4 MB) instead of the portal's, answered with Graph's error.
        app.Map($"{SandboxTenant.GraphPath}/v1.0/{{**path}}", ServeAsync).DisableAntiforgery().ExcludeFromDescription().AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(GraphRequestLimit.MaxBodyBytes), new OwnRequestTooLargeAnswer(GraphRequestLimit.WriteAsync));
        return app;
    }

    private static async Task ServeAsync(HttpContext context, GraphDispatcher dispatcher)
    {
        var request = await ReadAsync(context);
        var result = await dispatcher.DispatchAsync(request, token: null, context.RequestAborted);
        context.Response.StatusCode = result.Status;
        context.Response.Headers["client-request-id"] = request.ClientRequestId;
        context.Response.Headers["request-id"] = result.Headers.GetValueOrDefault("request-id") ?? Guid.NewGuid().ToString();
        foreach (var (name, value) in result.Headers)
        {
            context.Response.Headers[name] = value;
        }
        if (result.Raw is var (contentType, content))
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        }
        else if (result.Body is not null)
        {
            context.Response.ContentType = JsonContentType;
            await context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted);
        }
    }

    private static async Task<GraphRequest> ReadAsync(HttpContext context)
    {
        var http = context.Request;
        JsonElement? body = null;
        string? text = null;
        var hasBody = http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0;
        if (hasBody && http.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var reader = new StreamReader(http.Body);
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }
        else if (hasBody)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Body, cancellationToken: context.RequestAborted);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                body = null;
            }
        }
        var headers = http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        // Links in answers (@odata.context, @odata.nextLink) name the configured address, not the request's Host header.
        var graphBase = new Uri(context.RequestServices.GetRequiredService<SandboxBaseAddress>().GraphBaseUrl.ToString().TrimEnd('/') + "/");
        return new GraphRequest(http.Method, context.GetRouteValue("path") as string ?? "", GraphRequest.ParseQuery(http.QueryString.Value),
            headers, body, graphBase)
        {
            Text = text,
        };
    }
}
