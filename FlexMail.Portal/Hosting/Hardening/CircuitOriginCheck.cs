using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Hosting.Hardening;

/// <summary>
/// Refuses, with 403, a request to the Blazor circuit (<c>/_blazor</c>: negotiate, WebSocket upgrade, long polling,
/// disconnect) whose <c>Origin</c> is another site's: a foreign page must not open a circuit with the admin's cookies
/// (cross-site WebSocket hijacking). Browsers always send <c>Origin</c> on a WebSocket upgrade and a cross-origin
/// post; a request without one is not a foreign page's and passes.
/// </summary>
internal sealed partial class CircuitOriginCheck(
    RequestDelegate next,
    IOptions<CircuitOriginOptions> options,
    IProblemDetailsService problemDetails,
    ILogger<CircuitOriginCheck> logger)
{
    public const string HubPath = "/_blazor";

    private readonly HashSet<string> _allowed = [.. options.Value.AllowedOrigins
        .Select(origin => WebOrigin.TryParse(origin, out var parsed) ? parsed : null).OfType<string>()];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(HubPath) || IsAllowed(request))
        {
            await next(context);
            return;
        }
        var own = WebOrigin.Of(request) ?? "(unknown)";
        LogRefused(logger, request.Method, request.Path, Truncate(request.Headers.Origin.ToString()), own);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Connection refused",
                Detail = $"The portal's live connection opens only from the portal's own pages ({own}). " +
                    $"If the portal is opened at another address on purpose, add that address to {CircuitOriginOptions.SectionName}:AllowedOrigins.",
            },
        });
    }

    private bool IsAllowed(HttpRequest request)
    {
        var values = request.Headers.Origin;
        if (values.Count == 0)
        {
            return true;
        }
        return values.Count == 1
            && WebOrigin.TryParse(values[0], out var origin)
            && (origin == WebOrigin.Of(request) || _allowed.Contains(origin));
    }

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Refused {Method} {Path}: Origin {Origin} is not the portal's own ({PortalOrigin}) nor in FlexMail:Circuit:AllowedOrigins")]
    private static partial void LogRefused(ILogger logger, string method, string path, string origin, string portalOrigin);
}
