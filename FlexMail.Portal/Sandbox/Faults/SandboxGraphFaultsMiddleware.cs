using FlexMail.Portal.Sandbox.Identity;

namespace FlexMail.Portal.Sandbox.Faults;

/// <summary>
/// Injects the configured faults into every request to the sandbox's Graph, in this order: added latency, a random
/// 503 at the configured rate, then Outlook-like throttling per app (the token's <c>appid</c>) + mailbox. A request
/// without a valid token is not throttled: Graph answers it 401.
/// </summary>
public sealed partial class SandboxGraphFaultsMiddleware(
    SandboxFaults faults,
    SandboxMailboxThrottle throttle,
    GraphMailboxTargets targets,
    SandboxTokenService tokens,
    TimeProvider clock,
    ILogger<SandboxGraphFaultsMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var cancellationToken = context.RequestAborted;
        var settings = await faults.GetAsync(cancellationToken);
        var caller = await ReadCallerAsync(context.Request, cancellationToken);

        if (settings.AddedLatencyMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(settings.AddedLatencyMilliseconds), clock, cancellationToken);
        }

        if (settings.ServiceUnavailablePercent > 0 && Random.Shared.Next(100) < settings.ServiceUnavailablePercent)
        {
            LogServiceUnavailable(logger, caller?.ClientId, context.Request.Method, context.Request.Path);
            await GraphFaultResponses.WriteServiceUnavailableAsync(context, clock);
            return;
        }

        if (!settings.ThrottlingEnabled || caller is null)
        {
            await next(context);
            return;
        }
        var demands = await targets.ReadAsync(context.Request, caller, cancellationToken);
        if (demands.Count == 0)
        {
            await next(context);
            return;
        }
        var decision = throttle.TryEnter(demands, ThrottleLimits.From(settings));
        if (!decision.Allowed)
        {
            LogThrottled(logger, decision.Key!.Value.AppId, decision.Key.Value.Mailbox, decision.Limit!.Value, (int)decision.RetryAfter.TotalSeconds);
            await GraphFaultResponses.WriteThrottledAsync(context, decision, clock);
            return;
        }
        using (decision.Lease)
        {
            await next(context);
        }
    }

    private async Task<SandboxAccessToken?> ReadCallerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return await tokens.ValidateAccessTokenAsync(authorization[Bearer.Length..].Trim(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox Graph throttled app {AppId} on mailbox {Mailbox}: over its {Limit} limit, retry after {RetryAfterSeconds} s")]
    private static partial void LogThrottled(ILogger logger, Guid appId, string mailbox, ThrottleLimit limit, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox Graph answered 503 (fault on demand) to app {AppId}: {Method} {Path}")]
    private static partial void LogServiceUnavailable(ILogger logger, Guid? appId, string method, PathString path);
}
