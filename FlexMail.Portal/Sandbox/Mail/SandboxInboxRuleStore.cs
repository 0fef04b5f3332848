using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>The mail client's "Manage Rules": a mailbox's inbox rules, listed in order, added, switched on or off, deleted.</summary>
public sealed class SandboxInboxRuleStore(IDbContextFactory<SandboxDbContext> contexts)
{
    public async Task<IReadOnlyList<SandboxInboxRule>> ListAsync(Guid mailboxUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboxRules.AsNoTracking().Where(r => r.MailboxUserId == mailboxUserId).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
    }

    /// <summary>A rule after the mailbox's others: mail whose subject contains any of <paramref name="subjectContains"/> moves to the folder.</summary>
    public async Task<SandboxInboxRule> AddAsync(Guid mailboxUserId, string displayName, IReadOnlyList<string> subjectContains, string moveToFolderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.InboxRules.Where(r => r.MailboxUserId == mailboxUserId).MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0;
        var rule = new SandboxInboxRule
        {
            Id = SandboxIds.NewRuleId(),
            MailboxUserId = mailboxUserId,
            DisplayName = displayName.Trim(),
            Sequence = last + 1,
            Conditions = new SandboxRuleConditions { SubjectContains = subjectContains },
            Actions = new SandboxRuleActions { MoveToFolder = moveToFolderId, StopProcessingRules = true },
        };
        db.InboxRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return rule;
    }

    public async Task SetEnabledAsync(string ruleId, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.InboxRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsEnabled, enabled), cancellationToken);
    }

    public async Task DeleteAsync(string ruleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.InboxRules.Where(r => r.Id == ruleId).ExecuteDeleteAsync(cancellationToken);
    }
}
