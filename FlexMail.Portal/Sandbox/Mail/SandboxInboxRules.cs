using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>The enabled inbox rules of every mailbox, loaded once per delivery, and where they file a new mail.</summary>
public sealed class SandboxInboxRules
{
    /// <summary>The display name of the seeded rule on the approvals mailbox.</summary>
    public const string FlexMailRepliesRule = "FlexMail replies";

    /// <summary>The seeded rule's folder, under the Inbox of the approvals mailbox.</summary>
    public const string FlexMailRepliesFolder = "FlexMail Replies";

    private readonly ILookup<Guid, SandboxInboxRule> _byMailbox;

    private SandboxInboxRules(IEnumerable<SandboxInboxRule> rules) =>
        _byMailbox = rules.OrderBy(r => r.Sequence).ToLookup(r => r.MailboxUserId);

    public static async Task<SandboxInboxRules> LoadAsync(SandboxDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(await db.InboxRules.AsNoTracking().Where(r => r.IsEnabled).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// The folder a mail arriving in its mailbox's Inbox ends in: the last matching rule's move (a folder of another
    /// mailbox or a deleted one is skipped), Deleted Items on a delete, the Inbox when no rule applies.
    /// </summary>
    public string FolderFor(SandboxMessage message, SandboxFolderTree folders)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(folders);
        var folderId = message.FolderId;
        foreach (var rule in _byMailbox[message.MailboxUserId].Where(rule => rule.Conditions.Matches(message)))
        {
            if (rule.Actions.MoveToFolder is { } target && folders.Holds(message.MailboxUserId, target))
            {
                folderId = target;
            }
            if (rule.Actions.Delete)
            {
                folderId = folders.WellKnown(message.MailboxUserId, WellKnownFolders.DeletedItems);
            }
            if (rule.Actions.StopProcessingRules)
            {
                break;
            }
        }
        return folderId;
    }

    /// <summary>The seeded rule: approval replies (subject with <c>[FlexMail]</c> or a token) go to <c>Inbox/FlexMail Replies</c>.</summary>
    public static SandboxInboxRule FlexMailReplies(Guid mailboxUserId, string folderId) => new()
    {
        Id = SandboxIds.NewRuleId(),
        MailboxUserId = mailboxUserId,
        DisplayName = FlexMailRepliesRule,
        Sequence = 1,
        Conditions = new SandboxRuleConditions { SubjectContains = ["[FlexMail]", "FM-"] },
        Actions = new SandboxRuleActions { MoveToFolder = folderId, StopProcessingRules = true },
    };
}
