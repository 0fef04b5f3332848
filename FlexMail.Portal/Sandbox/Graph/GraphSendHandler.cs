using System.Text.Json;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>
/// <c>sendMail</c>, <c>reply</c> and <c>replyAll</c>, delivered by <see cref="SandboxMailDelivery"/>. A <c>from</c>
/// other than the mailbox needs Send As on it (<c>ErrorSendAsDenied</c>); the Sent Items copy goes to the mailbox
/// the request addresses.
/// </summary>
public sealed class GraphSendHandler(GraphMailboxes mailboxes, SandboxMailDelivery delivery, IDbContextFactory<SandboxDbContext> contexts)
{
    public async Task<GraphResult> SendMailAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Send, cancellationToken);
        if (call.Request.Text is not null)
        {
            return await SendMimeAsync(call, mailbox, cancellationToken);
        }
        var message = GraphBody.Property(call.Request.Body, "message")
            ?? throw GraphException.BadRequest("Empty Payload. JSON content expected.");
        ExpectObject(message);
        var body = GraphBody.Property(message, "body");
        ExpectObject(body);
        if (GraphBody.Property(body, "content") is { ValueKind: not JsonValueKind.String } content)
        {
            throw new GraphException(StatusCodes.Status400BadRequest, "RequestBodyRead",
                $"Cannot convert the literal '{content.GetRawText()}' to the expected type 'Edm.String'.");
        }
        var to = Addresses(message, "toRecipients");
        var cc = Addresses(message, "ccRecipients");
        if (to.Count + cc.Count + Addresses(message, "bccRecipients").Count == 0)
        {
            throw new GraphException(StatusCodes.Status400BadRequest, "ErrorInvalidRecipients",
                "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        }
        var from = await SendAsAsync(call, mailbox, Address(GraphBody.Property(message, "from")), cancellationToken);
        var mail = new SandboxOutgoingMail(mailbox.Id, from, to, GraphBody.String(message, "subject") ?? "",
            (GraphBody.String(body, "contentType") ?? "text").ToLowerInvariant(), GraphBody.String(body, "content") ?? "")
        {
            CcRecipients = cc,
            ReplyTo = Addresses(message, "replyTo"),
            CustomHeaders = Headers(message),
            Importance = (GraphBody.String(message, "importance") ?? "normal").ToLowerInvariant(),
            SaveToSentItems = GraphBody.Boolean(call.Request.Body, "saveToSentItems") ?? true,
        };
        await delivery.DeliverAsync(mail, cancellationToken);
        return GraphResult.Accepted();
    }

    /// <summary>
    /// <c>sendMail</c> with <c>Content-Type: text/plain</c>: the message as base64 MIME (Graph's "send mail in MIME
    /// format"), read as a MIME draft is (the HTML part as the body, only the <c>x-</c> headers kept) and sent at once.
    /// </summary>
    private async Task<GraphResult> SendMimeAsync(GraphCall call, SandboxUser mailbox, CancellationToken cancellationToken)
    {
        var content = GraphDraftContent.Read(call.Request);
        if (content.To.Count + content.Cc.Count == 0)
        {
            throw new GraphException(StatusCodes.Status400BadRequest, "ErrorInvalidRecipients",
                "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        }
        var from = await SendAsAsync(call, mailbox, content.From, cancellationToken);
        var mail = new SandboxOutgoingMail(mailbox.Id, from, content.To, content.Subject, content.BodyContentType, content.Body)
        {
            CcRecipients = content.Cc,
            ReplyTo = content.ReplyTo,
            CustomHeaders = content.Headers,
        };
        await delivery.DeliverAsync(mail, cancellationToken);
        return GraphResult.Accepted();
    }

    public Task<GraphResult> ReplyAsync(GraphCall call, CancellationToken cancellationToken) => ReplyAsync(call, replyAll: false, cancellationToken);

    public Task<GraphResult> ReplyAllAsync(GraphCall call, CancellationToken cancellationToken) => ReplyAsync(call, replyAll: true, cancellationToken);

    private async Task<GraphResult> ReplyAsync(GraphCall call, bool replyAll, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.OpenAsync(call, MailAccess.Send, cancellationToken);
        SandboxMessage original;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            original = await GraphMessageHandler.FindAsync(db, mailbox.Id, call.Value("message"), cancellationToken);
        }
        var replier = new SandboxAddress(mailbox.DisplayName, mailbox.Mail!);
        await delivery.DeliverAsync(SandboxReply.Build(original, replier, GraphBody.String(call.Request.Body, "comment") ?? "", replyAll), cancellationToken);
        return GraphResult.Accepted();
    }

    /// <summary>
    /// The sender of a mail from <paramref name="mailbox"/> that names <paramref name="from"/>: sending as another mailbox
    /// needs Send As on it, held by the signed-in user (delegated) or by the mailbox the request addresses (application).
    /// </summary>
    public async Task<SandboxAddress> SendAsAsync(GraphCall call, SandboxUser mailbox, SandboxAddress? from, CancellationToken cancellationToken)
    {
        var own = new SandboxAddress(mailbox.DisplayName, mailbox.Mail!);
        if (from is null || string.Equals(from.Address, mailbox.Mail, StringComparison.OrdinalIgnoreCase))
        {
            return own;
        }
        var sendingAs = await mailboxes.FindByAddressAsync(from.Address, cancellationToken);
        var actor = call.Token.UserId ?? mailbox.Id;
        if (sendingAs is null || (sendingAs.Id != actor && !await mailboxes.HasRightAsync(sendingAs.Id, actor, MailAccess.Send, cancellationToken)))
        {
            throw GraphException.SendAsDenied();
        }
        return new SandboxAddress(sendingAs.DisplayName, sendingAs.Mail!);
    }

    /// <summary>A recipient list of a Graph message (<c>toRecipients</c>, <c>replyTo</c> ...).</summary>
    public static List<SandboxAddress> Addresses(JsonElement? message, string name) =>
        GraphBody.Property(message, name) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(r => Address(r)).OfType<SandboxAddress>()]
            : [];

    // A recipient whose address is not an address is refused as Exchange refuses an unresolved recipient.
    public static SandboxAddress? Address(JsonElement? recipient)
    {
        if (GraphBody.Property(recipient, "emailAddress") is not { } email || GraphBody.String(email, "address") is not { Length: > 0 } address)
        {
            return null;
        }
        if (!System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address.Trim())
        {
            throw new GraphException(StatusCodes.Status400BadRequest, "ErrorInvalidRecipients",
                $"At least one recipient isn't valid., Recipient '{address}' isn't resolved. All recipients must be resolved before a message can be submitted.");
        }
        return new SandboxAddress(GraphBody.String(email, "name"), address.Trim());
    }

    // Graph reads the body with OData's reader: a value of the wrong JSON kind is "RequestBodyRead".
    public static void ExpectObject(JsonElement? value)
    {
        if (value is { ValueKind: not JsonValueKind.Object } element)
        {
            throw UnexpectedNode(element.ValueKind is JsonValueKind.Array ? "StartArray" : "PrimitiveValue");
        }
    }

    private static GraphException UnexpectedNode(string found) => new(StatusCodes.Status400BadRequest, "RequestBodyRead",
        $"An unexpected '{found}' node was found when reading from the JSON reader. A 'StartObject' node was expected.");

    /// <summary>A message's <c>internetMessageHeaders</c>: Graph takes only custom headers (<c>x-</c>/<c>X-</c>).</summary>
    public static List<SandboxHeader> Headers(JsonElement message)
    {
        if (GraphBody.Property(message, "internetMessageHeaders") is not { ValueKind: JsonValueKind.Array } headers)
        {
            return [];
        }
        var result = new List<SandboxHeader>();
        foreach (var header in headers.EnumerateArray())
        {
            var name = GraphBody.String(header, "name") ?? "";
            result.Add(CustomHeader(name, GraphBody.String(header, "value") ?? ""));
        }
        return result;
    }

    /// <summary>A custom header, or Graph's refusal of a name that does not start with <c>x-</c>.</summary>
    public static SandboxHeader CustomHeader(string name, string value) =>
        name.StartsWith("x-", StringComparison.OrdinalIgnoreCase)
            ? new SandboxHeader(name, value)
            : throw new GraphException(StatusCodes.Status400BadRequest, "InvalidInternetMessageHeader",
                $"The internet message header name '{name}' should start with 'x-' or 'X-'.");
}
