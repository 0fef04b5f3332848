using System.Text.Json;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// One request to the sandbox's Graph, from HTTP or from a <c>$batch</c> step: method, path below <c>/v1.0/</c>,
/// query options, headers and JSON body.
/// </summary>
public sealed record GraphRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonElement? Body,
    Uri GraphBaseUrl)
{
    /// <summary>A <c>text/plain</c> body (the base64 MIME of "create message in MIME format"), or null.</summary>
    public string? Text { get; init; }

    public const string ImmutableIdPreference = "IdType=\"ImmutableId\"";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A query option, with or without its <c>$</c> (Graph accepts both on v1.0).</summary>
    public string? Option(string name) =>
        Query.TryGetValue("$" + name, out var value) || Query.TryGetValue(name, out value) ? value : null;

    /// <summary><c>Prefer: IdType="ImmutableId"</c>: ids in the answer are immutable ids.</summary>
    public bool WantsImmutableIds =>
        Header("Prefer")?.Contains(ImmutableIdPreference, StringComparison.OrdinalIgnoreCase) == true;

    public string ClientRequestId => Header("client-request-id") ?? Guid.NewGuid().ToString();

    /// <summary>Splits a raw query string (<c>?a=1&amp;b=2</c>) into decoded options.</summary>
    public static Dictionary<string, string> ParseQuery(string? query)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            options[name] = separator < 0 ? "" : Decode(pair[(separator + 1)..]);
        }
        return options;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
