using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Settings;

/// <summary>Reads, validates and saves the single email-settings row.</summary>
public sealed class EmailSettingsService(
    IDbContextFactory<FlexMailDbContext> contexts,
    EmailSettingsValidator validator,
    AuditLog audit,
    TimeProvider clock)
{
    private const string Subject = "Email settings";

    /// <summary>The saved settings, or defaults when none are saved yet.</summary>
    public async Task<EmailSettingsDraft> GetDraftAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.EmailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == EmailSettings.SingletonId, cancellationToken);
        return settings is null ? new EmailSettingsDraft() : EmailSettingsDraft.From(settings);
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EmailSettings.AnyAsync(cancellationToken);
    }

    /// <param name="pendingApplicationIds">Applications being created alongside (the wizard), counted as existing.</param>
    public async Task<ValidationReport> ValidateAsync(EmailSettingsDraft draft, IEnumerable<Guid> pendingApplicationIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return validator.Validate(draft, await KnownApplicationIdsAsync(db, pendingApplicationIds, cancellationToken));
    }

    public Task<Result<Saved>> SaveAsync(EmailSettingsDraft draft, string actor, CancellationToken cancellationToken) =>
        contexts.SaveStagedAsync(db => StageAsync(db, draft, [], actor, cancellationToken), () => ValidateAsync(draft, [], cancellationToken), cancellationToken);

    /// <summary>Validates and applies the draft to <paramref name="db"/> without saving (the caller saves, all or nothing).</summary>
    internal async Task<Result<Saved>> StageAsync(
        FlexMailDbContext db, EmailSettingsDraft draft, IEnumerable<Guid> pendingApplicationIds, string actor, CancellationToken cancellationToken)
    {
        var report = validator.Validate(draft, await KnownApplicationIdsAsync(db, pendingApplicationIds, cancellationToken));
        if (report.HasErrors)
        {
            return new ValidationProblem(report);
        }

        var settings = await db.EmailSettings.SingleOrDefaultAsync(s => s.Id == EmailSettings.SingletonId, cancellationToken);
        var isNew = settings is null;
        settings ??= db.EmailSettings.Add(new EmailSettings()).Entity;
        var changes = Apply(draft, settings, actor);
        if (isNew || changes.Any)
        {
            settings.UpdatedAt = clock.GetUtcNow();
            audit.Stage(db, actor, isNew ? "Email settings created" : "Email settings changed", Subject, changes.ToString());
        }
        return new Saved(Guid.Empty, report); // one settings row: no id of its own to report
    }

    private FieldChanges Apply(EmailSettingsDraft draft, EmailSettings settings, string actor)
    {
        var approvals = draft.EmailApprovalEnabled;
        var incomingSame = draft.IncomingSameAsOutgoing;
        var target = new EmailSettings
        {
            ServerBaseUrl = ServerBaseUrl.Normalize(draft.ServerBaseUrl),
            SmtpUser = draft.SmtpUser.Trim(),
            SmtpOAuthApplicationId = draft.SmtpOAuthApplicationId,
            SmtpFromAddress = draft.SmtpFromAddress.Trim(),
            IncomingSameAsOutgoing = incomingSame,
            ImapUser = incomingSame ? null : draft.ImapUser.Trim(),
            ImapOAuthApplicationId = incomingSame ? null : draft.ImapOAuthApplicationId,
            EmailApprovalEnabled = approvals,
            ReplyMailbox = approvals ? Blank(draft.ReplyMailbox) : null,
            EmailReplyFolder = approvals ? draft.EmailReplyFolder.Trim() : null,
            ApprovalReplyAddress = approvals ? Blank(draft.ApprovalReplyAddress) : null,
            ReplyAddressDeliveryConfirmed = approvals && draft.ReplyAddressDeliveryConfirmed,
            ProcessedMailAction = draft.ProcessedMailAction,
            ProcessedMailFolder = approvals && draft.ProcessedMailAction == ProcessedMailAction.MoveToFolder ? draft.ProcessedMailFolder.Trim() : null,
            PollIntervalSeconds = draft.PollIntervalSeconds,
        };
        var acknowledgedMailbox = draft.NeedsInboxAcknowledgement && draft.InboxRemovalAcknowledged ? draft.EffectiveReplyMailbox : null;

        var changes = new FieldChanges()
            .Track("Server Base URL", settings.ServerBaseUrl, target.ServerBaseUrl)
            .Track("SMTP User", settings.SmtpUser, target.SmtpUser)
            .Track("SMTP OAuth Application", settings.SmtpOAuthApplicationId, target.SmtpOAuthApplicationId)
            .Track("SMTP From Address", settings.SmtpFromAddress, target.SmtpFromAddress)
            .Track("Incoming same as outgoing", settings.IncomingSameAsOutgoing, target.IncomingSameAsOutgoing)
            .Track("IMAP User", settings.ImapUser, target.ImapUser)
            .Track("IMAP OAuth Application", settings.ImapOAuthApplicationId, target.ImapOAuthApplicationId)
            .Track("Email approval", settings.EmailApprovalEnabled, target.EmailApprovalEnabled)
            .Track("Reply Mailbox", settings.ReplyMailbox, target.ReplyMailbox)
            .Track("Email Reply Folder", settings.EmailReplyFolder, target.EmailReplyFolder)
            .Track("Approval Reply Address", settings.ApprovalReplyAddress, target.ApprovalReplyAddress)
            .Track("Reply address delivery confirmed", settings.ReplyAddressDeliveryConfirmed, target.ReplyAddressDeliveryConfirmed)
            .Track("After processing", settings.ProcessedMailAction, target.ProcessedMailAction)
            .Track("Processed Mail Folder", settings.ProcessedMailFolder, target.ProcessedMailFolder)
            .Track("Poll interval", settings.PollIntervalSeconds, target.PollIntervalSeconds)
            .Track("Inbox removal acknowledged", settings.InboxRemovalAcknowledgedMailbox?.ToLowerInvariant(), acknowledgedMailbox?.ToLowerInvariant());

        settings.ServerBaseUrl = target.ServerBaseUrl;
        settings.SmtpUser = target.SmtpUser;
        settings.SmtpOAuthApplicationId = target.SmtpOAuthApplicationId;
        settings.SmtpFromAddress = target.SmtpFromAddress;
        settings.IncomingSameAsOutgoing = target.IncomingSameAsOutgoing;
        settings.ImapUser = target.ImapUser;
        settings.ImapOAuthApplicationId = target.ImapOAuthApplicationId;
        settings.EmailApprovalEnabled = target.EmailApprovalEnabled;
        settings.ReplyMailbox = target.ReplyMailbox;
        settings.EmailReplyFolder = target.EmailReplyFolder;
        settings.ApprovalReplyAddress = target.ApprovalReplyAddress;
        settings.ReplyAddressDeliveryConfirmed = target.ReplyAddressDeliveryConfirmed;
        settings.ProcessedMailAction = target.ProcessedMailAction;
        settings.ProcessedMailFolder = target.ProcessedMailFolder;
        settings.PollIntervalSeconds = target.PollIntervalSeconds;
        if (acknowledgedMailbox is null)
        {
            settings.InboxRemovalAcknowledgedBy = null;
            settings.InboxRemovalAcknowledgedAt = null;
            settings.InboxRemovalAcknowledgedMailbox = null;
        }
        else if (!Formats.SameAddress(settings.InboxRemovalAcknowledgedMailbox, acknowledgedMailbox))
        {
            settings.InboxRemovalAcknowledgedBy = actor;
            settings.InboxRemovalAcknowledgedAt = clock.GetUtcNow();
            settings.InboxRemovalAcknowledgedMailbox = acknowledgedMailbox;
        }
        return changes;
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<IReadOnlyCollection<Guid>> KnownApplicationIdsAsync(
        FlexMailDbContext db, IEnumerable<Guid> pending, CancellationToken cancellationToken)
    {
        var saved = await db.OAuthApplications.Select(a => a.Id).ToListAsync(cancellationToken);
        return [.. saved.Concat(pending).Distinct()];
    }
}
