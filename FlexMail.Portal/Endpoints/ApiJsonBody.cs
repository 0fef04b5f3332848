using System.Text.Json;
using FlexMail.Domain.Approvals;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// Reads an API request's JSON body itself rather than through minimal API binding, so that a body that cannot be read
/// (not JSON, a syntax error, a value of the wrong type, an unknown enum value) is answered as a 400 naming the field
/// and what it must be, never as the framework's empty 400 or a 500.
/// </summary>
internal static class ApiJsonBody
{
    /// <summary>The field name a problem with the body as a whole is reported under.</summary>
    public const string BodyField = "body";

    /// <summary>What each field must be, for the message when its value cannot be read.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["detailsFormat"] = "\"text\" or \"markdown\"",
        ["policy"] = "\"anyApprover\" or \"quorum\"",
        ["decision"] = "\"approve\" or \"reject\"",
        ["requiredApprovals"] = "a whole number",
        ["expiresAt"] = "a date and time in ISO 8601 with its offset, e.g. \"2026-12-31T17:00:00Z\"",
        [ApprovalFields.Approvers] = "an array of email addresses, e.g. [\"ops-lead@contoso.com\"]",
        [ApprovalFields.Metadata] = "an object whose values are strings, e.g. {\"environment\": \"production\"}",
    };

    /// <summary>The body as <typeparamref name="T"/>, or the errors (field → message) that say why it could not be read.</summary>
    /// <param name="whenEmpty">What a request without a body reads as; null when the body is required.</param>
    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, T? whenEmpty = null) where T : class
    {
        if (whenEmpty is not null && (request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0)))
        {
            return (whenEmpty, null);
        }
        if (!request.HasJsonContentType())
        {
            return Error<T>(BodyField, "Send the body as JSON with the header Content-Type: application/json.");
        }
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null ? Error<T>(BodyField, "Send a JSON object, not null.") : (value, null);
        }
        catch (JsonException exception) when (exception.InnerException?.GetType().Name == "JsonReaderException")
        {
            return Error<T>(BodyField,
                $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): send one JSON object.");
        }
        catch (JsonException exception) when (exception.Path is null or "$")
        {
            return Error<T>(BodyField, "Send one JSON object ({ ... }) as the body.");
        }
        catch (JsonException exception)
        {
            var field = FieldOf(exception.Path!);
            var root = RootOf(field);
            var known = options.GetTypeInfo(typeof(T)).Properties.Select(property => property.Name).ToList();
            return known.Contains(root, StringComparer.Ordinal)
                ? Error<T>(field, $"This value cannot be read: {root} must be {Expected.GetValueOrDefault(root, "a string")}.")
                : Error<T>(field, $"'{root}' is not a field of this request: the fields are {string.Join(", ", known)}.");
        }
    }

    /// <summary><c>$.approvers[1]</c> → <c>approvers[1]</c>, <c>$.metadata.env</c> → <c>metadata.env</c>.</summary>
    private static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string RootOf(string field)
    {
        var end = field.IndexOfAny(['.', '[']);
        return end < 0 ? field : field[..end];
    }

    private static (T? Value, Dictionary<string, string[]> Errors) Error<T>(string field, string message) where T : class =>
        (null, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
