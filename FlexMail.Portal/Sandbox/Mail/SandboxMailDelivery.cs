using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>
/// The sandbox's mail transport: puts a copy of a sent mail in every recipient mailbox's Inbox (and the sender's
/// Sent Items), with real headers: Message-ID, Date, From, To, Subject, and In-Reply-To / References on replies.
/// Each recipient mailbox's inbox rules file its copy (<see cref="SandboxInboxRules"/>). Recipients outside the sandbox tenant are reported, not delivered. <c>Auto-Submitted</c> never reaches a recipient
/// (Exchange strips it from submitted mail); custom <c>x-</c> headers do.
/// </summary>
public sealed class SandboxMailDelivery(IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    /// <summary>A new RFC 5322 Message-ID in the sandbox tenant's domain, as Exchange assigns one.</summary>
    public static string NewInternetMessageId() => $"<{Guid.NewGuid():N}@{SandboxTenant.Domain}>";

    /// <summary>Delivers the mail; with <see cref="SandboxOutgoingMail.SentDraftId"/> the draft goes in the same save
    /// (<see cref="DbUpdateConcurrencyException"/> when another request sent or deleted it meanwhile).</summary>
    public async Task<SandboxDelivery> DeliverAsync(SandboxOutgoingMail mail, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var internetMessageId = mail.InternetMessageId ?? NewInternetMessageId();
        var conversationId = mail.ConversationId ?? mail.InReplyTo?.ConversationId ?? SandboxIds.NewConversationId();
        var headers = Headers(mail, internetMessageId, now);

        var addresses = mail.ToRecipients.Concat(mail.CcRecipients).Select(r => r.Address.ToLowerInvariant()).Distinct().ToList();
        var mailboxes = await db.Users.Where(u => u.HasMailbox && u.Mail != null && addresses.Contains(u.Mail.ToLower()))
            .ToListAsync(cancellationToken);
        var folders = await FoldersAsync(db, [.. mailboxes.Select(m => m.Id), mail.SenderMailboxUserId], cancellationToken);

        var tree = mailboxes.Count > 0 ? await SandboxFolderTree.LoadAsync(db, cancellationToken) : null;
        var rules = mailboxes.Count > 0 ? await SandboxInboxRules.LoadAsync(db, cancellationToken) : null;
        foreach (var mailbox in mailboxes)
        {
            var copy = Copy(mail, mailbox.Id, folders[(mailbox.Id, WellKnownFolders.Inbox)], internetMessageId, conversationId, headers, now, isRead: false);
            copy.FolderId = rules!.FolderFor(copy, tree!);
            db.Messages.Add(copy);
        }
        if (mail.SaveToSentItems && folders.TryGetValue((mail.SenderMailboxUserId, WellKnownFolders.SentItems), out var sentItems))
        {
            db.Messages.Add(Copy(mail, mail.SenderMailboxUserId, sentItems, internetMessageId, conversationId, headers, now, isRead: true));
        }
        if (mail.SentDraftId is { } draftId)
        {
            var draft = await db.Messages.SingleOrDefaultAsync(m => m.Id == draftId && m.IsDraft, cancellationToken)
                ?? throw new DbUpdateConcurrencyException($"The draft {draftId} was sent or deleted meanwhile.");
            db.Messages.Remove(draft);
        }
        await db.SaveChangesAsync(cancellationToken);

        var unknown = addresses.Where(a => !mailboxes.Any(m => string.Equals(m.Mail, a, StringComparison.OrdinalIgnoreCase))).ToList();
        return new SandboxDelivery(internetMessageId, mailboxes.Count, unknown);
    }

    private static async Task<Dictionary<(Guid, string), string>> FoldersAsync(SandboxDbContext db, List<Guid> mailboxIds, CancellationToken cancellationToken) =>
        (await db.MailFolders
            .Where(f => mailboxIds.Contains(f.MailboxUserId) && (f.WellKnownName == WellKnownFolders.Inbox || f.WellKnownName == WellKnownFolders.SentItems))
            .ToListAsync(cancellationToken))
        .ToDictionary(f => (f.MailboxUserId, f.WellKnownName!), f => f.Id);

    private static List<SandboxHeader> Headers(SandboxOutgoingMail mail, string internetMessageId, DateTimeOffset now)
    {
        var headers = new List<SandboxHeader>
        {
            new("Message-ID", internetMessageId),
            new("Date", now.ToString("r")),
            new("From", mail.From.ToString()),
            new("To", string.Join(", ", mail.ToRecipients)),
            new("Subject", mail.Subject),
            new("MIME-Version", "1.0"),
            new("Content-Type", mail.BodyContentType == "html" ? "text/html; charset=\"utf-8\"" : "text/plain; charset=\"utf-8\""),
        };
        if (mail.CcRecipients.Count > 0)
        {
            headers.Insert(4, new("Cc", string.Join(", ", mail.CcRecipients)));
        }
        if (mail.ReplyTo.Count > 0)
        {
            headers.Add(new("Reply-To", string.Join(", ", mail.ReplyTo)));
        }
        if (mail.InReplyTo is { } original)
        {
            var references = original.HeaderValue("References") is { } earlier
                ? $"{earlier} {original.InternetMessageId}"
                : original.InternetMessageId;
            headers.Add(new("In-Reply-To", original.InternetMessageId));
            headers.Add(new("References", references));
        }
        headers.AddRange(mail.CustomHeaders.Where(h => !string.Equals(h.Name, "Auto-Submitted", StringComparison.OrdinalIgnoreCase)));
        return headers;
    }

    private static SandboxMessage Copy(SandboxOutgoingMail mail, Guid mailboxUserId, string folderId, string internetMessageId,
        string conversationId, List<SandboxHeader> headers, DateTimeOffset now, bool isRead) => new()
    {
        Id = SandboxIds.NewMessageId(),
        ImmutableId = SandboxIds.NewImmutableId(),
        MailboxUserId = mailboxUserId,
        FolderId = folderId,
        InternetMessageId = internetMessageId,
        ConversationId = conversationId,
        Subject = mail.Subject,
        BodyContentType = mail.BodyContentType,
        Body = mail.Body,
        From = mail.From,
        Sender = mail.From,
        ToRecipients = [.. mail.ToRecipients],
        CcRecipients = [.. mail.CcRecipients],
        ReplyTo = [.. mail.ReplyTo],
        Headers = [.. headers],
        IsRead = isRead,
        Importance = mail.Importance,
        CreatedDateTime = now,
        LastModifiedDateTime = now,
        ReceivedDateTime = now,
        SentDateTime = now,
        ChangeKey = SandboxIds.NewChangeKey(),
    };
}
