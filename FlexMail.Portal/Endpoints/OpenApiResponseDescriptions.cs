using System.Globalization;

namespace FlexMail.Portal.Endpoints;

/// <summary>Says in the OpenAPI document what each status of an operation means for the caller.</summary>
internal static class OpenApiResponseDescriptions
{
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
}
