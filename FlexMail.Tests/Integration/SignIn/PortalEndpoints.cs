using System.Text.RegularExpressions;
using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Integration.SignIn;

/// <summary>One mapped endpoint of the running portal, with a concrete address to call it at.</summary>
public sealed record PortalEndpoint(string Pattern, string Method, string Address, bool IsPage, bool IsOpen, string? Policy)
{
    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every endpoint the portal maps, discovered from its <see cref="EndpointDataSource"/> (never a hand-written list),
/// static assets left out (they are one endpoint per file, all open, none holding data).
/// </summary>
public static partial class PortalEndpoints
{
    public static IReadOnlyList<PortalEndpoint> Discover(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !IsStaticAsset(endpoint))
            .SelectMany(endpoint => Methods(endpoint).Select(method => new PortalEndpoint(
                endpoint.RoutePattern.RawText ?? "",
                method,
                Address(endpoint.RoutePattern.RawText ?? ""),
                endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null,
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).LastOrDefault(policy => policy is not null))))
            .DistinctBy(endpoint => endpoint.ToString())
            .OrderBy(endpoint => endpoint.Pattern, StringComparer.Ordinal).ThenBy(endpoint => endpoint.Method, StringComparer.Ordinal),
    ];

    /// <summary>MapStaticAssets' endpoints: one per file of wwwroot and of the packages' static web assets.</summary>
    public static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(metadata => metadata.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];

    /// <summary>The pattern with each parameter filled in: a Guid for ids, the sandbox tenant for {tenant}, a Graph path for catch-alls.</summary>
    private static string Address(string pattern) => Parameter().Replace(pattern, match => match.Groups["name"].Value switch
    {
        "tenant" => Portal.Sandbox.SandboxTenant.TenantId.ToString(),
        var name when match.Value.StartsWith("{**", StringComparison.Ordinal) || match.Value.StartsWith("{*", StringComparison.Ordinal) => "me",
        _ => Guid.NewGuid().ToString(),
    });

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();

    /// <summary>The policy a page or endpoint names; pages name theirs by <c>[Authorize(Policy = ...)]</c>.</summary>
    public static bool NeedsAdmin(PortalEndpoint endpoint) => endpoint.Policy == PortalPolicies.Admin;
}
