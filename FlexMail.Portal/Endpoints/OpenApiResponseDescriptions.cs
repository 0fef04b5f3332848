using System.Globalization;
using Microsoft.OpenApi;

namespace FlexMail.Portal.Endpoints;

/// <summary>What the OpenAPI document says about an operation beyond what its handler's signature tells it.</summary>
internal static class OpenApiResponseDescriptions
{
    /// <summary>What each status of the operation means for the caller.</summary>
    public static RouteHandlerBuilder WithResponseDescriptions(this RouteHandlerBuilder builder, params (int Status, string Description)[] responses) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var (status, description) in responses)
            {
                if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true)
                {
                    response.Description = description;
                }
            }
            return Task.CompletedTask;
        });

    /// <summary>
    /// The operation's JSON body, which the handler reads itself (<see cref="ApiJsonBody"/>). Described here rather than
    /// with <c>Accepts&lt;T&gt;</c>, whose content-type matching would answer a body of another type before the handler,
    /// and before the endpoint's own authorization, could say what is wrong.
    /// </summary>
    public static RouteHandlerBuilder WithJsonBody<TBody>(this RouteHandlerBuilder builder, bool required) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
