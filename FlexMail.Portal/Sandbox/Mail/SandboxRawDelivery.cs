using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>Where a raw delivery put its copies.</summary>
public sealed record RawDelivery(IReadOnlyList<DeliveredCopy> Copies);

/// <summary>One copy of a delivered mail: the mailbox address, the copy's Graph id and its folder path (<c>Inbox/FlexMail Replies</c>).</summary>
public sealed record DeliveredCopy(string Mailbox, string MessageId, string FolderPath);

/// <summary>A raw message none of whose To or Cc recipients is a sandbox mailbox.</summary>
public sealed class NoSandboxRecipientException(string message) : Exception(message);

/// <summary>
/// Delivers MIME messages as received mail, as if they came in from the internet: a copy in the Inbox of every sandbox
/// mailbox among To and Cc (other addresses are ignored), with every header kept as <c>internetMessageHeaders</c>,
/// and the mailbox's inbox rules applied.
/// </summary>
public sealed class SandboxRawDelivery(IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    /// <summary>Delivers one message; <see cref="NoSandboxRecipientException"/> when no recipient is a sandbox mailbox.</summary>
    public async Task<RawDelivery> DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (await DeliverManyAsync([message], ct))[0];
    }

    /// <summary>
    /// Delivers a batch in one database transaction (all or none); <see cref="NoSandboxRecipientException"/> when a
    /// message has no sandbox recipient.
    /// </summary>
    public async Task<IReadOnlyList<RawDelivery>> DeliverManyAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var mailboxes = (await db.Users.AsNoTracking().Where(u => u.HasMailbox && u.Mail != null).ToListAsync(ct))
            .ToDictionary(u => u.Mail!, StringComparer.OrdinalIgnoreCase);
        var tree = await SandboxFolderTree.LoadAsync(db, ct);
        var rules = await SandboxInboxRules.LoadAsync(db, ct);
        var results = new List<RawDelivery>(messages.Count);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var message in messages)
        {
            var received = SandboxMime.Read(message);
            var targets = received.ToRecipients.Concat(received.CcRecipients)
                .Select(r => mailboxes.GetValueOrDefault(r.Address)).OfType<Directory.SandboxUser>().DistinctBy(u => u.Id).ToList();
            if (targets.Count == 0)
            {
                throw new NoSandboxRecipientException(
                    $"None of the message's To or Cc recipients is a mailbox of the sandbox tenant {SandboxTenant.Domain}; address it to one (e.g. {SandboxSeed.ApprovalsMailbox.Mail}).");
            }
            var copies = new List<DeliveredCopy>(targets.Count);
            foreach (var mailbox in targets)
            {
                var copy = received.CopyFor(mailbox.Id, tree.Inbox(mailbox.Id), now);
                var folderId = rules.FolderFor(copy, tree);
                if (folderId is null)
                {
                    continue;
                }
                copy.FolderId = folderId;
                db.Messages.Add(copy);
                copies.Add(new DeliveredCopy(mailbox.Mail!, copy.Id, tree.PathOf(folderId)));
            }
            results.Add(new RawDelivery(copies));
        }
        db.ChangeTracker.DetectChanges();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return results;
    }
}
