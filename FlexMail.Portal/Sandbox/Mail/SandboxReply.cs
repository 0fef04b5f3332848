using System.Net;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>Builds a reply the way Outlook does: "RE: " subject, the comment on top, the original quoted below.</summary>
public static class SandboxReply
{
    /// <param name="original">The message being answered, as it sits in the replier's mailbox.</param>
    /// <param name="replier">The replier's mailbox address (and name).</param>
    /// <param name="comment">What the replier wrote (plain text).</param>
    /// <param name="replyAll">Also answer the original's other recipients.</param>
    public static SandboxOutgoingMail Build(SandboxMessage original, SandboxAddress replier, string comment, bool replyAll)
    {
        var to = original.ReplyTo.Count > 0 ? original.ReplyTo : [original.From];
        var cc = replyAll
            ? original.ToRecipients.Concat(original.CcRecipients)
                .Where(r => !string.Equals(r.Address, replier.Address, StringComparison.OrdinalIgnoreCase)
                    && !to.Any(t => string.Equals(t.Address, r.Address, StringComparison.OrdinalIgnoreCase)))
                .ToList()
            : [];
        var subject = original.Subject.StartsWith("RE:", StringComparison.OrdinalIgnoreCase) ? original.Subject : $"RE: {original.Subject}";
        return new SandboxOutgoingMail(original.MailboxUserId, replier, [.. to], subject, "html", Body(original, comment))
        {
            CcRecipients = cc,
            InReplyTo = original,
        };
    }

    private static string Body(SandboxMessage original, string comment)
    {
        var quoted = original.BodyContentType == "html" ? original.Body : $"<pre>{WebUtility.HtmlEncode(original.Body)}</pre>";
        var lines = string.Join("<br>", comment.Split('\n').Select(line => WebUtility.HtmlEncode(line.TrimEnd('\r'))));
        return $"<html><body><div>{lines}</div><hr>"
            + $"<div><b>From:</b> {WebUtility.HtmlEncode(original.From.ToString())}<br>"
            + $"<b>Sent:</b> {original.SentDateTime:R}<br>"
            + $"<b>To:</b> {WebUtility.HtmlEncode(string.Join("; ", original.ToRecipients))}<br>"
            + $"<b>Subject:</b> {WebUtility.HtmlEncode(original.Subject)}</div>"
            + $"<blockquote>{quoted}</blockquote></body></html>";
    }
}
