using Microsoft.Graph.Models;

namespace FlexMail.Domain.Mail;

/// <summary>Maps between FlexMail's mail records and the Graph SDK's models.</summary>
internal static class GraphMessages
{
    /// <summary>What a message list selects unless told otherwise.</summary>
    public static readonly string[] SummarySelect =
        ["id", "subject", "from", "toRecipients", "receivedDateTime", "isRead", "isDraft", "internetMessageId", "conversationId", "parentFolderId", "bodyPreview"];

    /// <summary>The header that makes Graph answer (and accept) immutable ids, which stay the same when a message moves.</summary>
    public const string PreferHeader = "Prefer";
    public const string ImmutableIdPreference = "IdType=\"ImmutableId\"";

    public static Message ToGraph(OutgoingMail mail) => new()
    {
        From = mail.From is { } from ? Recipient(from) : null,
        ToRecipients = [.. mail.To.Select(Recipient)],
        ReplyTo = mail.ReplyTo.Count == 0 ? null : [.. mail.ReplyTo.Select(Recipient)],
        Subject = mail.Subject,
        Body = mail.HtmlBody is { } html
            ? new ItemBody { ContentType = BodyType.Html, Content = html }
            : new ItemBody { ContentType = BodyType.Text, Content = mail.TextBody ?? "" },
        InternetMessageHeaders = mail.Headers.Count == 0 ? null : [.. mail.Headers.Select(h => new InternetMessageHeader { Name = h.Name, Value = h.Value })],
    };

    public static MailMessage FromGraph(Message message) => new(message.Id ?? "")
    {
        Subject = message.Subject,
        From = Address(message.From),
        To = message.ToRecipients?.Select(Address).OfType<MailAddress>().ToList() ?? [],
        ReceivedDateTime = message.ReceivedDateTime,
        IsRead = message.IsRead,
        IsDraft = message.IsDraft,
        InternetMessageId = message.InternetMessageId,
        ConversationId = message.ConversationId,
        ParentFolderId = message.ParentFolderId,
        BodyPreview = message.BodyPreview,
        Body = message.Body?.Content,
        BodyContentType = message.Body?.ContentType switch { BodyType.Html => "html", BodyType.Text => "text", _ => null },
        Headers = message.InternetMessageHeaders?.Select(h => new MailHeader(h.Name ?? "", h.Value ?? "")).ToList(),
    };

    private static Recipient Recipient(MailAddress address) =>
        new() { EmailAddress = new EmailAddress { Address = address.Address, Name = address.Name } };

    private static MailAddress? Address(Recipient? recipient) =>
        recipient?.EmailAddress?.Address is { Length: > 0 } address ? new MailAddress(address, recipient.EmailAddress.Name) : null;
}
