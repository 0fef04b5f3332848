using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>A mailbox that can be opened in the sandbox's mail client.</summary>
public sealed record SandboxMailboxSummary(Guid UserId, string DisplayName, string Address, SandboxUserKind Kind)
{
    public SandboxAddress AsAddress => new(DisplayName, Address);
}

/// <summary>A folder with its place in the tree and its message counts.</summary>
public sealed record SandboxFolderSummary(string Id, string DisplayName, string? WellKnownName, int Depth, int Unread, int Total);

/// <summary>A line of a folder's message list.</summary>
public sealed record SandboxMessageSummary(string Id, SandboxAddress From, IReadOnlyList<SandboxAddress> To, string Subject, DateTimeOffset Received, bool IsRead);

/// <summary>
/// What the sandbox's mail client reads and does: mailboxes, folders with unread counts, messages, and the
/// person-side actions (send, reply, delete to Deleted Items, mark as unread). Sending goes through
/// <see cref="SandboxMailDelivery"/>, so mail written here carries the same headers as mail sent through Graph.
/// </summary>
public sealed class SandboxMailbox(IDbContextFactory<SandboxDbContext> contexts, SandboxMailDelivery delivery, TimeProvider clock)
{
    public async Task<IReadOnlyList<SandboxMailboxSummary>> ListMailboxesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.HasMailbox && u.Mail != null).ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.Kind).ThenBy(u => u.DisplayName).Select(u => new SandboxMailboxSummary(u.Id, u.DisplayName, u.Mail!, u.Kind))];
    }

    /// <summary>The mailbox's folders in tree order (well-known folders first, as Outlook lists them; children under their parent).</summary>
    public async Task<IReadOnlyList<SandboxFolderSummary>> ListFoldersAsync(Guid mailboxUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var folders = await db.MailFolders.AsNoTracking().Where(f => f.MailboxUserId == mailboxUserId).ToListAsync(cancellationToken);
        var counts = await db.Messages.Where(m => m.MailboxUserId == mailboxUserId)
            .GroupBy(m => m.FolderId)
            .Select(g => new { FolderId = g.Key, Total = g.Count(), Unread = g.Count(m => !m.IsRead) })
            .ToDictionaryAsync(c => c.FolderId, cancellationToken);
        var result = new List<SandboxFolderSummary>();
        void Add(string? parentId, int depth)
        {
            foreach (var folder in folders.Where(f => f.ParentFolderId == parentId).OrderBy(Rank).ThenBy(f => f.DisplayName, StringComparer.CurrentCultureIgnoreCase))
            {
                var count = counts.GetValueOrDefault(folder.Id);
                result.Add(new SandboxFolderSummary(folder.Id, folder.DisplayName, folder.WellKnownName, depth, count?.Unread ?? 0, count?.Total ?? 0));
                Add(folder.Id, depth + 1);
            }
        }
        Add(null, 0);
        return result;
    }

    public async Task<IReadOnlyList<SandboxMessageSummary>> ListMessagesAsync(string folderId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking().Where(m => m.FolderId == folderId)
            .OrderByDescending(m => m.ReceivedDateTime).ToListAsync(cancellationToken);
        return [.. messages.Select(m => new SandboxMessageSummary(m.Id, m.From, m.ToRecipients, m.Subject, m.ReceivedDateTime, m.IsRead))];
    }

    /// <summary>Opens a message: it is returned and marked as read, as a mail client does.</summary>
    public async Task<SandboxMessage?> OpenAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is { IsRead: false })
        {
            message.IsRead = true;
            Touch(message);
            await db.SaveChangesAsync(cancellationToken);
        }
        return message;
    }

    public async Task MarkAsUnreadAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken) is { } message)
        {
            message.IsRead = false;
            Touch(message);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// "Delete": moves the message to Deleted Items (a new id, as Exchange gives on a move); a message already in
    /// Deleted Items is removed for good.
    /// </summary>
    public async Task DeleteAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken) is not { } message)
        {
            return;
        }
        var deletedItems = await db.MailFolders.SingleAsync(
            f => f.MailboxUserId == message.MailboxUserId && f.WellKnownName == WellKnownFolders.DeletedItems, cancellationToken);
        // The id is the key: a move is a delete and an insert under a new id, in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Messages.Remove(message);
        await db.SaveChangesAsync(cancellationToken);
        if (message.FolderId != deletedItems.Id)
        {
            message.Id = SandboxIds.NewMessageId();
            message.FolderId = deletedItems.Id;
            Touch(message);
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sends a new plain-text message from a mailbox.</summary>
    public Task<SandboxDelivery> SendAsync(SandboxMailboxSummary from, SandboxNewMail mail, CancellationToken cancellationToken) =>
        delivery.DeliverAsync(new SandboxOutgoingMail(from.UserId, from.AsAddress, mail.To, mail.Subject.Trim(), "text", mail.Body)
        {
            CcRecipients = mail.Cc,
        }, cancellationToken);

    /// <summary>Replies (or replies all) to a message of the mailbox, quoting it as Outlook does.</summary>
    public async Task<SandboxDelivery> ReplyAsync(SandboxMailboxSummary from, string messageId, string comment, bool replyAll, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var original = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId, cancellationToken);
        return await delivery.DeliverAsync(SandboxReply.Build(original, from.AsAddress, comment, replyAll), cancellationToken);
    }

    /// <summary>A cheap fingerprint of the mailbox's contents: it changes when mail arrives, moves, or is read.</summary>
    public async Task<string> VersionAsync(Guid mailboxUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = db.Messages.Where(m => m.MailboxUserId == mailboxUserId);
        var count = await messages.CountAsync(cancellationToken);
        var unread = await messages.CountAsync(m => !m.IsRead, cancellationToken);
        var latest = await messages.OrderByDescending(m => m.LastModifiedDateTime).Select(m => m.ChangeKey).FirstOrDefaultAsync(cancellationToken);
        return $"{count}:{unread}:{latest}";
    }

    private void Touch(SandboxMessage message)
    {
        message.LastModifiedDateTime = clock.GetUtcNow();
        message.ChangeKey = SandboxIds.NewChangeKey();
    }

    private static int Rank(SandboxMailFolder folder)
    {
        for (var i = 0; i < WellKnownFolders.All.Count; i++)
        {
            if (WellKnownFolders.All[i].WellKnownName == folder.WellKnownName)
            {
                return i;
            }
        }
        return WellKnownFolders.All.Count;
    }
}

/// <summary>A new message written in the mail client.</summary>
public sealed record SandboxNewMail(IReadOnlyList<SandboxAddress> To, IReadOnlyList<SandboxAddress> Cc, string Subject, string Body)
{
    /// <summary>Reads a "To" or "Cc" field: addresses separated by commas or semicolons. Null when one is not an address.</summary>
    public static IReadOnlyList<SandboxAddress>? ParseAddresses(string? text)
    {
        var parts = (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<SandboxAddress>();
        foreach (var part in parts)
        {
            if (!System.Net.Mail.MailAddress.TryCreate(part, out var address))
            {
                return null;
            }
            result.Add(new SandboxAddress(string.IsNullOrEmpty(address.DisplayName) ? null : address.DisplayName, address.Address));
        }
        return result;
    }
}
