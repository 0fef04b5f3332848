using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// Describes the integrator API as a whole in its OpenAPI document: what it is for, and the two ways to authenticate
/// (an API key in <c>X-Api-Key</c>, or an Entra ID access token as a bearer token), either of which every operation accepts.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";

    public const string BearerScheme = "Bearer";

    public const string ApiKeyHeader = "X-Api-Key";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "FlexMail integrator API",
            Version = ApiReference.DocumentName,
            Description = "Ask people to approve something by mail and get their decision back: create an approval request, then poll it " +
                "(GET /api/v1/approvals/{id}) or receive its outcome at your callback URL. Refusals are RFC 7807 ProblemDetails with a " +
                "code extension; invalid fields are named in errors.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyHeader,
            Description = "An API key made in the portal (API Keys), sent as the X-Api-Key header. Its webhook secret signs the callbacks of the requests it creates.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An Entra ID access token for FlexMail's app registration (scope api://{FlexMail's client id}/.default) of an application with the app role FlexMail.Integrator.",
        };
        // Two requirements: either scheme alone is enough.
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] });
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
