using System.Text.Json;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>Reads Graph request bodies (property names are case-insensitive, as Graph treats them).</summary>
public static class GraphBody
{
    public static JsonElement? Property(JsonElement? body, string name)
    {
        if (body is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }
        return null;
    }

    public static string? String(JsonElement? body, string name) =>
        Property(body, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Boolean(JsonElement? body, string name) =>
        Property(body, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;
}
