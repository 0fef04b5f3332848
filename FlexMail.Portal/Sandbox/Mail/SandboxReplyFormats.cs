using System.Net;
using MimeKit;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>The way a mail client writes a reply: where the comment goes and how it quotes the original.</summary>
public enum SandboxReplyClient
{
    /// <summary>Outlook: HTML, the original under <c>div#divRplyFwdMsg</c>.</summary>
    OutlookHtml,

    /// <summary>Gmail: HTML, the original in <c>div.gmail_quote</c>.</summary>
    GmailHtml,

    /// <summary>iPhone Mail: plain text, "Sent from my iPhone", the original quoted with <c>&gt;</c>.</summary>
    IPhoneText,

    /// <summary>A plain-text client quoting with <c>&gt;</c>.</summary>
    PlainQuoted,
}

/// <summary>Reply bodies as the common mail clients write them, for <see cref="SandboxReplyGenerator"/>.</summary>
public static class SandboxReplyFormats
{
    public static MimeEntity Body(SandboxReplyClient client, string comment, SandboxMessage original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var attribution = $"On {original.SentDateTime:ddd, MMM d, yyyy} at {original.SentDateTime:h:mm tt}, {original.From} wrote:";
        var originalText = original.BodyContentType == "html" ? HtmlToText(original.Body) : original.Body;
        var quoted = string.Join("\n", originalText.Split('\n').Select(line => "> " + line.TrimEnd('\r')));
        var html = WebUtility.HtmlEncode(comment);
        return client switch
        {
            SandboxReplyClient.OutlookHtml => Alternative($"{comment}\n\n________________________________\nFrom: {original.From}\nSent: {original.SentDateTime:R}\nSubject: {original.Subject}\n\n{originalText}",
                $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><div style=\"font-family:Calibri\">{html}</div>"
                + $"<hr style=\"display:inline-block;width:98%\"><div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> {WebUtility.HtmlEncode(original.From.ToString())}<br>"
                + $"<b>Sent:</b> {original.SentDateTime:R}<br><b>Subject:</b> {WebUtility.HtmlEncode(original.Subject)}</font><div>&nbsp;</div></div>"
                + $"<div>{Quote(original)}</div></body></html>"),
            SandboxReplyClient.GmailHtml => Alternative($"{comment}\n\n{attribution}\n\n{quoted}",
                $"<div dir=\"ltr\">{html}</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">{WebUtility.HtmlEncode(attribution)}<br></div>"
                + $"<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">{Quote(original)}</blockquote></div>"),
            SandboxReplyClient.IPhoneText => new TextPart("plain") { Text = $"{comment}\n\nSent from my iPhone\n\n> {attribution}\n>\n{quoted}\n" },
            _ => new TextPart("plain") { Text = $"{comment}\n\n{attribution}\n{quoted}\n" },
        };
    }

    private static string Quote(SandboxMessage original) =>
        original.BodyContentType == "html" ? original.Body : $"<pre>{WebUtility.HtmlEncode(original.Body)}</pre>";

    private static MimeEntity Alternative(string text, string html) => new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();

    private static string HtmlToText(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ")).Trim();
}
