using FlexMail.Domain.Mail;
using MimeKit;

namespace FlexMail.Domain.Approvals.Replies.Parsing;

/// <summary>Reads a reply from raw MIME (<c>message/rfc822</c>) with MimeKit: charsets and transfer encodings decoded.</summary>
public static class ReplyMime
{
    /// <summary>Parses MIME from a stream.</summary>
    public static ReplyMail Read(Stream mime)
    {
        ArgumentNullException.ThrowIfNull(mime);
        return Read(MimeMessage.Load(mime));
    }

    /// <summary>Reads a parsed message.</summary>
    public static ReplyMail Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers.Select(h => new MailHeader(h.Field, h.Value)).ToList();
        if (message.Body is { } body)
        {
            // MimeKit keeps Content-* on the body entity; the mail's own headers include them.
            headers.AddRange(body.Headers
                .Where(h => h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                    && !headers.Any(existing => string.Equals(existing.Name, h.Field, StringComparison.OrdinalIgnoreCase)))
                .Select(h => new MailHeader(h.Field, h.Value)));
        }
        var html = message.HtmlBody;
        var replyBody = html is not null ? new ReplyBody(null, html) : new ReplyBody(message.TextBody, null);
        return new ReplyMail(message.Subject, message.From.Mailboxes.FirstOrDefault()?.Address, Bracketed(message.MessageId),
            Bracketed(message.InReplyTo), [.. message.References.Select(r => Bracketed(r)!)], headers, replyBody);
    }

    private static string? Bracketed(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.StartsWith('<') ? id : $"<{id}>";
}
