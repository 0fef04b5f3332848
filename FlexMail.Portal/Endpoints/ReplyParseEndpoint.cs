using System.Text;
using FlexMail.Domain.Approvals.Replies.Parsing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using HttpValidationProblem = Microsoft.AspNetCore.Http.HttpResults.ValidationProblem;

namespace FlexMail.Portal.Endpoints;

/// <summary>
/// <c>POST /api/v1/replies/parse</c>: a reply body (text, HTML or a whole mail) read as the monitor reads one, bounded to
/// <see cref="MaxBodyBytes"/>; nothing is recorded.
/// </summary>
internal static class ReplyParseEndpoint
{
    /// <summary>2 MiB: above the portal's usual body limit, for a whole mail with its quoted history.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public const string UnsupportedTypeCode = "UnsupportedReplyType";

    private static readonly string[] Types = ["text/plain", "text/html", "message/rfc822"];

    public static async Task<Results<Ok<ParsedReplyView>, HttpValidationProblem, ProblemHttpResult>> ParseAsync(
        HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || Types.FirstOrDefault(t => type.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)) is not { } mediaType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: $"FlexMail cannot parse a body of type '{request.ContentType ?? "none"}'.",
                detail: "Send the reply as text/plain or text/html (its body), or as message/rfc822 (the whole mail).",
                extensions: new Dictionary<string, object?> { ["code"] = UnsupportedTypeCode });
        }
        var bytes = await ReadBoundedAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request is too large.",
                detail: "Send at most 2 MiB (2,097,152 bytes) to parse.");
        }
        if (bytes.Length == 0)
        {
            return Unreadable("Send the reply to parse as the body: it is empty.");
        }
        if (mediaType == "message/rfc822")
        {
            ReplyMail mail;
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                mail = ReplyMime.Read(stream);
            }
            catch (FormatException)
            {
                return Unreadable("The body is not a mail FlexMail can read: send the whole message as it was received (RFC 5322 with its headers).");
            }
            if (AutomaticMailDetector.Detect(mail.Headers, mail.Subject, mail.From) is { } automatic)
            {
                return TypedResults.Ok(new ParsedReplyView(ReplyJsonNames.Of(ReplyDecision.None), null, "", automatic.Reason));
            }
            return TypedResults.Ok(View(ReplyParser.Parse(mail.Body)));
        }
        string text;
        try
        {
            text = EncodingOf(type).GetString(bytes);
        }
        catch (Exception exception) when (exception is DecoderFallbackException or ArgumentException)
        {
            return Unreadable($"The body is not valid {type.Charset.Value ?? "UTF-8"} text: send it in UTF-8, or name its charset in Content-Type.");
        }
        var body = mediaType == "text/html" ? new ReplyBody(null, text) : new ReplyBody(text, null);
        return TypedResults.Ok(View(ReplyParser.Parse(body)));
    }

    /// <summary>The body's three content types for the OpenAPI document (the handler reads the body itself).</summary>
    public static RouteHandlerBuilder WithReplyBody(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = Types.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
            return Task.CompletedTask;
        });

    private static ParsedReplyView View(ParsedReply parsed) =>
        new(ReplyJsonNames.Of(parsed.Decision), parsed.Comment, parsed.OwnText, parsed.Reason);

    private static HttpValidationProblem Unreadable(string message) =>
        ApprovalApiProblems.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [ApiJsonBody.BodyField] = [message] });

    /// <summary>The charset named in Content-Type, strict (bad bytes throw), UTF-8 when none is named.</summary>
    private static Encoding EncodingOf(MediaTypeHeaderValue type)
    {
        var name = type.Charset.HasValue ? type.Charset.Value!.Trim('"') : "utf-8";
        var encoding = (Encoding)Encoding.GetEncoding(name).Clone();
        encoding.DecoderFallback = DecoderFallback.ExceptionFallback;
        return encoding;
    }

    /// <summary>The body's bytes, or null when it runs past <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
