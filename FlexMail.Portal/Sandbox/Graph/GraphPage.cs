using System.Text.Json.Nodes;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>OData paging and envelopes: <c>$top</c>/<c>$skip</c>, <c>@odata.context</c>, <c>@odata.count</c>, <c>@odata.nextLink</c>.</summary>
public sealed record GraphPage(int Top, int Skip, bool Count)
{
    public const int MaxTop = 1000;

    public static GraphPage Read(GraphRequest request, int defaultTop)
    {
        var top = defaultTop;
        if (request.Option("top") is { } topText)
        {
            if (!int.TryParse(topText, out top) || top < 1 || top > MaxTop)
            {
                throw GraphException.InvalidArgument($"The value of the $top query option must be between 1 and {MaxTop}.");
            }
        }
        var skip = 0;
        if (request.Option("skip") is { } skipText && (!int.TryParse(skipText, out skip) || skip < 0))
        {
            throw GraphException.BadRequest($"Invalid value '{skipText}' for $skip query option found. The $skip query option requires a non-negative integer value.");
        }
        var count = string.Equals(request.Option("count"), "true", StringComparison.OrdinalIgnoreCase);
        return new GraphPage(top, skip, count);
    }

    /// <summary><c>{"@odata.context", "@odata.count"?, "value", "@odata.nextLink"?}</c>.</summary>
    public static JsonObject Collection(GraphRequest request, string context, IReadOnlyList<JsonNode> items, int total, GraphPage page)
    {
        var body = new JsonObject { ["@odata.context"] = $"{request.GraphBaseUrl}$metadata#{context}" };
        if (page.Count)
        {
            body["@odata.count"] = total;
        }
        body["value"] = new JsonArray([.. items]);
        if (page.Skip + page.Top < total)
        {
            body["@odata.nextLink"] = NextLink(request, page.Top, page.Skip + page.Top);
        }
        return body;
    }

    /// <summary>A single entity with its <c>@odata.context</c> first.</summary>
    public static JsonObject Entity(GraphRequest request, string context, JsonObject json)
    {
        var body = new JsonObject { ["@odata.context"] = $"{request.GraphBaseUrl}$metadata#{context}" };
        foreach (var (name, value) in json.ToList())
        {
            body[name] = value?.DeepClone();
        }
        return body;
    }

    private static string NextLink(GraphRequest request, int top, int skip)
    {
        var options = request.Query
            .Where(o => !IsOption(o.Key, "top") && !IsOption(o.Key, "skip"))
            .Select(o => $"{Uri.EscapeDataString(o.Key)}={Uri.EscapeDataString(o.Value)}")
            .Append($"%24top={top}")
            .Append($"%24skip={skip}");
        return $"{request.GraphBaseUrl}{request.Path.TrimStart('/')}?{string.Join('&', options)}";
    }

    private static bool IsOption(string key, string name) =>
        string.Equals(key, name, StringComparison.OrdinalIgnoreCase) || string.Equals(key, "$" + name, StringComparison.OrdinalIgnoreCase);
}
