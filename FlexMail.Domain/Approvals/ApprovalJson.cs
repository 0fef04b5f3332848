using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlexMail.Domain.Approvals;

/// <summary>The JSON shape of approvals in the API and the webhooks: camelCase names, enums as camelCase strings, no nulls.</summary>
public static class ApprovalJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the shape to other options (the API's own serializer).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
