using MimeKit;

namespace FlexMail.Domain.Mail;

/// <summary>
/// Builds the MIME that Graph's "create message in MIME format" takes: From, To, Reply-To, Subject, the custom
/// <c>x-</c> headers and the body (<c>multipart/alternative</c> when there is both a text and an HTML body), base64 encoded.
/// No Message-ID is written: Exchange assigns the draft's internetMessageId itself.
/// </summary>
internal static class GraphMime
{
    /// <summary>The headers that Graph refuses (it takes only names starting with <c>x-</c>/<c>X-</c>); empty when all are fine.</summary>
    public static IReadOnlyList<string> InvalidHeaderNames(OutgoingMail mail) =>
        [.. mail.Headers.Select(h => h.Name).Where(name => !name.StartsWith("x-", StringComparison.OrdinalIgnoreCase))];

    public static byte[] Base64(string mailbox, OutgoingMail mail)
    {
        using var message = Build(mailbox, mail);
        using var raw = new MemoryStream();
        message.WriteTo(FormatOptions.Default, raw);
        return System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(raw.GetBuffer(), 0, (int)raw.Length));
    }

    public static MimeMessage Build(string mailbox, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(Address(mail.From ?? new MailAddress(mailbox)));
        message.To.AddRange(mail.To.Select(Address));
        message.ReplyTo.AddRange(mail.ReplyTo.Select(Address));
        message.Subject = mail.Subject;
        foreach (var header in mail.Headers)
        {
            message.Headers.Add(header.Name, header.Value);
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        if (body.TextBody is null && body.HtmlBody is null)
        {
            body.TextBody = "";
        }
        message.Body = body.ToMessageBody();
        message.Headers.Remove(HeaderId.MessageId);
        return message;
    }

    private static MailboxAddress Address(MailAddress address) => new(address.Name ?? "", address.Address);
}
