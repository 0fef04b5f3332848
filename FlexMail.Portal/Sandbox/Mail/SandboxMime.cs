using MimeKit;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>
/// A MIME message read as Exchange stores received mail: every header in order (MimeKit keeps the top-level
/// <c>Content-*</c> headers on <see cref="MimeMessage.Body"/>, so they are added back after the message's own), the
/// HTML part as the body when there is one, else the text part.
/// </summary>
public sealed record SandboxMime(
    string InternetMessageId,
    string Subject,
    SandboxAddress From,
    SandboxAddress Sender,
    IReadOnlyList<SandboxAddress> ToRecipients,
    IReadOnlyList<SandboxAddress> CcRecipients,
    IReadOnlyList<SandboxAddress> ReplyTo,
    IReadOnlyList<SandboxHeader> Headers,
    string BodyContentType,
    string Body,
    string Importance,
    DateTimeOffset? Sent)
{
    public static SandboxMime Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = AllHeaders(message);
        var internetMessageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : $"<{message.MessageId}>";
        if (internetMessageId is null)
        {
            // Exchange gives a message without a Message-ID one of its own on receipt.
            internetMessageId = SandboxMailDelivery.NewInternetMessageId();
            headers.Insert(0, new SandboxHeader("Message-ID", internetMessageId));
        }
        var from = Addresses(message.From).FirstOrDefault() ?? new SandboxAddress(null, "unknown@invalid");
        var html = message.HtmlBody;
        return new SandboxMime(
            internetMessageId,
            message.Subject ?? "",
            from,
            message.Sender is { } sender ? Address(sender) : from,
            Addresses(message.To),
            Addresses(message.Cc),
            Addresses(message.ReplyTo),
            headers,
            html is null ? "text" : "html",
            html ?? message.TextBody ?? "",
            message.Importance switch { MessageImportance.High => "high", MessageImportance.Low => "low", _ => "normal" },
            message.Headers.Contains(HeaderId.Date) ? message.Date : null);
    }

    /// <summary>The message's headers followed by the top-level entity's <c>Content-*</c> headers.</summary>
    public static List<SandboxHeader> AllHeaders(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers.Select(h => new SandboxHeader(h.Field, h.Value)).ToList();
        if (!message.Headers.Contains(HeaderId.MimeVersion))
        {
            // MimeKit writes MIME-Version when the message goes on the wire; one built in memory has not been yet.
            headers.Add(new SandboxHeader("MIME-Version", "1.0"));
        }
        if (message.Body is { } body)
        {
            headers.AddRange(body.Headers
                .Where(h => h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                    && !headers.Any(existing => string.Equals(existing.Name, h.Field, StringComparison.OrdinalIgnoreCase)))
                .Select(h => new SandboxHeader(h.Field, h.Value)));
        }
        return headers;
    }

    /// <summary>A received copy in <paramref name="folderId"/> of a mailbox, unread, received now.</summary>
    public SandboxMessage CopyFor(Guid mailboxUserId, string folderId, DateTimeOffset now) => new()
    {
        Id = SandboxIds.NewMessageId(),
        ImmutableId = SandboxIds.NewImmutableId(),
        MailboxUserId = mailboxUserId,
        FolderId = folderId,
        InternetMessageId = InternetMessageId,
        ConversationId = SandboxIds.NewConversationId(),
        Subject = Subject,
        BodyContentType = BodyContentType,
        Body = Body,
        From = From,
        Sender = Sender,
        ToRecipients = [.. ToRecipients],
        CcRecipients = [.. CcRecipients],
        ReplyTo = [.. ReplyTo],
        Headers = [.. Headers],
        Importance = Importance,
        CreatedDateTime = now,
        LastModifiedDateTime = now,
        ReceivedDateTime = now,
        SentDateTime = Sent ?? now,
        ChangeKey = SandboxIds.NewChangeKey(),
    };

    public static List<SandboxAddress> Addresses(InternetAddressList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return [.. list.Mailboxes.Select(Address)];
    }

    private static SandboxAddress Address(MailboxAddress mailbox) => new(string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name, mailbox.Address);
}
