using MimeKit;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>
/// A stored message as MIME again: its headers in order (but the <c>Content-*</c> and <c>MIME-Version</c> ones, which
/// describe the stored body's original structure) over one text part with the stored body (HTML or plain text).
/// </summary>
public static class SandboxMimeWriter
{
    public static MimeMessage Build(SandboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage();
        mime.Headers.Clear();
        foreach (var header in message.Headers.Where(h => !IsBodyHeader(h.Name)))
        {
            mime.Headers.Add(header.Name, header.Value);
        }
        mime.Body = new TextPart(message.BodyContentType == "html" ? "html" : "plain") { Text = message.Body };
        return mime;
    }

    private static bool IsBodyHeader(string name) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "MIME-Version", StringComparison.OrdinalIgnoreCase);
}
