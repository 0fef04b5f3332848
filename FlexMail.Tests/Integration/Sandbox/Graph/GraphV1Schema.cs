using System.Globalization;
using System.Text.Json;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>
/// The extract of Microsoft Graph's v1.0 CSDL shipped as <c>graph-v1.0-mail-schema.json</c>: property names and
/// types of <c>message</c>, <c>mailFolder</c>, <c>user</c> and their complex and enum types. Checks that a JSON
/// object uses only those properties, each with the JSON kind its type has on the wire.
/// </summary>
public sealed class GraphV1Schema
{
    private readonly JsonElement _root;

    private GraphV1Schema(JsonElement root) => _root = root;

    public static GraphV1Schema Load()
    {
        using var stream = typeof(GraphV1Schema).Assembly.GetManifestResourceStream("graph-v1.0-mail-schema.json")
            ?? throw new InvalidOperationException("The schema extract is not embedded.");
        return new GraphV1Schema(JsonDocument.Parse(stream).RootElement.Clone());
    }

    public IReadOnlyList<string> EntityProperties(string entityType) =>
        [.. _root.GetProperty("entityTypes").GetProperty(entityType).EnumerateObject().Select(p => p.Name)];

    /// <summary>Every way <paramref name="json"/> departs from the type: unknown properties and wrong JSON kinds.</summary>
    public List<string> Mismatches(string type, JsonElement json)
    {
        var problems = new List<string>();
        Check($"graph.{type}", json, type, problems);
        return problems;
    }

    private void Check(string type, JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (type.StartsWith("Collection(", StringComparison.Ordinal))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path}: {type} sent as {value.ValueKind}");
                return;
            }
            var element = type["Collection(".Length..^1];
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(element, item, $"{path}[{index++}]", problems);
            }
            return;
        }
        var ok = type switch
        {
            "Edm.String" or "Edm.Binary" => value.ValueKind == JsonValueKind.String,
            "Edm.Boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "Edm.Int32" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            "Edm.DateTimeOffset" => value.ValueKind == JsonValueKind.String && value.GetString()!.EndsWith('Z')
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => CheckNamed(type["graph.".Length..], value, path, problems),
        };
        if (!ok)
        {
            problems.Add($"{path}: {type} sent as {value.ValueKind} {value}");
        }
    }

    private bool CheckNamed(string name, JsonElement value, string path, List<string> problems)
    {
        if (_root.GetProperty("enumTypes").TryGetProperty(name, out var members))
        {
            return value.ValueKind == JsonValueKind.String && members.EnumerateArray().Any(m => m.GetString() == value.GetString());
        }
        var properties = _root.GetProperty("entityTypes").TryGetProperty(name, out var entity) ? entity
            : _root.GetProperty("complexTypes").TryGetProperty(name, out var complex) ? complex
            : throw new InvalidOperationException($"The extract has no type {name}.");
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (var property in value.EnumerateObject().Where(p => !p.Name.StartsWith("@odata.", StringComparison.Ordinal)))
        {
            if (properties.TryGetProperty(property.Name, out var propertyType))
            {
                Check(propertyType.GetString()!, property.Value, $"{path}.{property.Name}", problems);
            }
            else
            {
                problems.Add($"{path}.{property.Name}: not a property of graph.{name}");
            }
        }
        return true;
    }
}
