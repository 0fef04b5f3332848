using MimeKit;

namespace FlexMail.Benchmarks.Backlog;

/// <summary>Replies as mail clients write them: the approver's word on top, then the quoted original with its reference.</summary>
internal static class BacklogReplies
{
    private static readonly string From = $"FlexMail <{BacklogScenario.ApprovalsMailbox}>";

    public static MimeMessage Reply(SentApproval sent, string word, bool html)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(sent.Approver));
        message.To.Add(MailboxAddress.Parse(BacklogScenario.ApprovalsMailbox));
        message.Subject = $"RE: {sent.Subject}";
        message.MessageId = $"{Guid.NewGuid():N}@reply.benchmark";
        message.Date = DateTimeOffset.UtcNow;
        message.InReplyTo = sent.MessageId;
        message.References.Add(sent.MessageId);
        message.Body = html
            ? new TextPart("html")
            {
                Text = $"<html><body><div>{word}</div><div>Thanks</div><hr><div><b>From:</b> {From}<br><b>Subject:</b> {sent.Subject}</div>"
                    + $"<p>Please approve or reject.</p><p>Reference: {sent.Token}</p></body></html>",
            }
            : new TextPart("plain")
            {
                Text = $"{word}\r\n\r\n-----Original Message-----\r\nFrom: {From}\r\nTo: {sent.Approver}\r\nSubject: {sent.Subject}\r\n\r\n"
                    + $"Please approve or reject.\r\nReference: {sent.Token}\r\n",
            };
        return message;
    }
}
