using System.Text.Json.Nodes;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>What a Graph handler answers: status, extra headers and a JSON body (none for 202/204), or raw content (<c>$value</c>).</summary>
public sealed record GraphResult(int Status, JsonNode? Body)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Content that is not JSON (a message's MIME for <c>$value</c>), with its media type.</summary>
    public (string ContentType, byte[] Content)? Raw { get; init; }

    public static GraphResult Content(string contentType, byte[] content) => new(StatusCodes.Status200OK, null) { Raw = (contentType, content) };

    public static GraphResult Ok(JsonNode body) => new(StatusCodes.Status200OK, body);

    public static GraphResult Created(JsonNode body) => new(StatusCodes.Status201Created, body);

    public static GraphResult Accepted() => new(StatusCodes.Status202Accepted, null);

    public static GraphResult NoContent() => new(StatusCodes.Status204NoContent, null);
}
