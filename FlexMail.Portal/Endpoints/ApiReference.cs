using FlexMail.Domain.Approvals;
using FlexMail.Portal.Hosting.Hardening;
using Scalar.AspNetCore;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// The integrator API's OpenAPI document (<c>/openapi/v1.json</c>) and its interactive reference (Scalar, <c>/scalar</c>),
/// both for signed-in portal users (the fallback policy): they describe the API, no secrets, and the reference's
/// "try it" sends the caller's own credentials. The reference page's scripts come from the Scalar package itself and
/// run under the portal's Content-Security-Policy with a per-request nonce.
/// </summary>
internal static class ApiReference
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    public const string PagePath = "/scalar";

    public static IServiceCollection AddFlexMailApiReference(this IServiceCollection services)
    {
        // The approvals' JSON shape for every minimal API answer and for the document's schemas (enums as strings).
        // The portal's other endpoints answer dictionaries, JSON nodes and records without enums or nulls: unchanged by it.
        services.ConfigureHttpJsonOptions(options => ApprovalJson.Configure(options.SerializerOptions));
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFlexMailApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapScalarApiReference(PagePath, options => options
                .WithTitle("FlexMail integrator API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(ApiDocumentTransformer.ApiKeyScheme)
                .DisableDefaultFonts()
                .DisableTelemetry()
                // Nothing that calls out to Scalar's services (AI chat, MCP, its deploy toolbar): the page stays FlexMail's reference.
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .WithNonce())
            .WithMetadata(new InlineScriptNonce(ScalarOptions.NonceHttpContextItemKey));
        return endpoints;
    }
}
