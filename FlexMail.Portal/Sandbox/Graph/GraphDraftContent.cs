using System.Text.Json;
using FlexMail.Portal.Sandbox.Mail;
using MimeKit;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// What a new draft says, read from the body of <c>POST messages</c>: a Graph message in JSON, or (with
/// <c>Content-Type: text/plain</c>) base64 MIME, whose HTML part becomes the body when there is one. Of MIME's other
/// headers only the custom <c>x-</c> ones are kept (Exchange drops <c>Auto-Submitted</c> and the like); JSON
/// <c>internetMessageHeaders</c> other than <c>x-</c> are refused.
/// </summary>
public sealed record GraphDraftContent(
    SandboxAddress? From,
    IReadOnlyList<SandboxAddress> To,
    IReadOnlyList<SandboxAddress> Cc,
    IReadOnlyList<SandboxAddress> ReplyTo,
    string Subject,
    string BodyContentType,
    string Body,
    IReadOnlyList<SandboxHeader> Headers)
{
    public static GraphDraftContent Read(GraphRequest request) =>
        request.Text is { } mime ? FromMime(mime) : FromJson(request.Body);

    private static GraphDraftContent FromJson(JsonElement? message)
    {
        if (message is not { ValueKind: JsonValueKind.Object } json)
        {
            throw GraphException.BadRequest("Empty Payload. JSON content expected.");
        }
        var body = GraphBody.Property(json, "body");
        GraphSendHandler.ExpectObject(body);
        return new GraphDraftContent(
            GraphSendHandler.Address(GraphBody.Property(json, "from")),
            GraphSendHandler.Addresses(json, "toRecipients"),
            GraphSendHandler.Addresses(json, "ccRecipients"),
            GraphSendHandler.Addresses(json, "replyTo"),
            GraphBody.String(json, "subject") ?? "",
            (GraphBody.String(body, "contentType") ?? "text").ToLowerInvariant(),
            GraphBody.String(body, "content") ?? "",
            GraphSendHandler.Headers(json));
    }

    private static GraphDraftContent FromMime(string base64)
    {
        MimeMessage message;
        try
        {
            using var raw = new MemoryStream(Convert.FromBase64String(base64.Trim()));
            message = MimeMessage.Load(raw);
        }
        catch (FormatException)
        {
            throw new GraphException(StatusCodes.Status400BadRequest, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
        }
        using (message)
        {
            var html = message.HtmlBody;
            return new GraphDraftContent(
                Addresses(message.From).FirstOrDefault(),
                Addresses(message.To),
                Addresses(message.Cc),
                Addresses(message.ReplyTo),
                message.Subject ?? "",
                html is null ? "text" : "html",
                html ?? message.TextBody ?? "",
                [.. message.Headers.Where(h => h.Field.StartsWith("x-", StringComparison.OrdinalIgnoreCase)).Select(h => new SandboxHeader(h.Field, h.Value))]);
        }
    }

    private static List<SandboxAddress> Addresses(InternetAddressList list) =>
        [.. list.Mailboxes.Select(m => new SandboxAddress(string.IsNullOrEmpty(m.Name) ? null : m.Name, m.Address))];
}
