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
        return settings is null ? EmailSettingsDraft.Unsaved() : EmailSettingsDraft.From(settings);
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EmailSettings.AnyAsync(cancellationToken);
    }

    /// <param name="pendingApplicationIds">Applications being created alongside (the wizard), counted as existing.</param>
    public Task<ValidationReport> ValidateAsync(EmailSettingsDraft draft, IEnumerable<Guid> pendingApplicationIds, CancellationToken cancellationToken) =>
        ValidateAsync(draft, pendingApplicationIds, portalOrigin: null, cancellationToken);

    /// <param name="portalOrigin">The address the portal is being used at (the browser's origin): a Server Base URL that differs gets a warning.</param>
    public async Task<ValidationReport> ValidateAsync(
        EmailSettingsDraft draft, IEnumerable<Guid> pendingApplicationIds, string? portalOrigin, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return validator.Validate(draft, await KnownApplicationIdsAsync(db, pendingApplicationIds, cancellationToken), portalOrigin);
    }

    public Task<Result<Saved>> SaveAsync(EmailSettingsDraft draft, Actor actor, CancellationToken cancellationToken) =>
        contexts.SaveStagedAsync(db => StageAsync(db, draft, [], actor, cancellationToken), () => ValidateAsync(draft, [], cancellationToken), cancellationToken);

    /// <summary>Validates and applies the draft to <paramref name="db"/> without saving (the caller saves, all or nothing).</summary>
    internal async Task<Result<Saved>> StageAsync(
        FlexMailDbContext db, EmailSettingsDraft draft, IEnumerable<Guid> pendingApplicationIds, Actor actor, CancellationToken cancellationToken)
    {
        var report = validator.Validate(draft, await KnownApplicationIdsAsync(db, pendingApplicationIds, cancellationToken));
        if (report.HasErrors)
        {
            return new ValidationProblem(report);
        }

        var settings = await db.EmailSettings.SingleOrDefaultAsync(s => s.Id == EmailSettings.SingletonId, cancellationToken);
        if (draft.LoadedStamp is { } loaded && loaded != (settings?.ConcurrencyStamp ?? Guid.Empty))
        {
            return Outdated(draft, settings!);
        }
        var isNew = settings is null;
        settings ??= db.EmailSettings.Add(new EmailSettings()).Entity;
        var changes = Apply(draft, settings, actor);
        if (isNew || changes.Any)
        {
            settings.UpdatedAt = clock.GetUtcNow();
            settings.ConcurrencyStamp = Guid.NewGuid();
            audit.Stage(db, actor, isNew ? "Email settings created" : "Email settings changed", Subject, changes.ToString());
        }
        return new Saved(Guid.Empty, report); // one settings row: no id of its own to report
    }

    /// <summary>
    /// Refuses a save on an out-of-date copy, naming what the other person changed. The draft then carries the current
    /// version: saving it again replaces their values knowingly.
    /// </summary>
    private static ValidationProblem Outdated(EmailSettingsDraft draft, EmailSettings current)
    {
        var now = EmailSettingsDraft.From(current);
        var refused = ConcurrentEdit.Refused("the email settings", draft.LoadedValues, now.LoadedValues);
        draft.LoadedStamp = now.LoadedStamp;
        draft.LoadedValues = now.LoadedValues;
        return refused;
    }

    private FieldChanges Apply(EmailSettingsDraft draft, EmailSettings settings, Actor actor)
    {
        var approvals = draft.EmailApprovalEnabled;
        var incomingSame = draft.IncomingSameAsOutgoing;
        var acknowledgedMailbox = draft.NeedsInboxAcknowledgement && draft.InboxRemovalAcknowledged ? draft.EffectiveReplyMailbox : null;
        var changes = new FieldChanges()
            .Set("Server Base URL", settings.ServerBaseUrl, ServerBaseUrl.Normalize(draft.ServerBaseUrl), v => settings.ServerBaseUrl = v)
            .Set("SMTP User", settings.SmtpUser, draft.SmtpUser.Trim(), v => settings.SmtpUser = v)
            .Set("SMTP OAuth Application", settings.SmtpOAuthApplicationId, draft.SmtpOAuthApplicationId, v => settings.SmtpOAuthApplicationId = v)
            .Set("SMTP From Address", settings.SmtpFromAddress, draft.SmtpFromAddress.Trim(), v => settings.SmtpFromAddress = v)
            .Set("Incoming same as outgoing", settings.IncomingSameAsOutgoing, incomingSame, v => settings.IncomingSameAsOutgoing = v)
            .Set("IMAP User", settings.ImapUser, incomingSame ? null : draft.ImapUser.Trim(), v => settings.ImapUser = v)
            .Set("IMAP OAuth Application", settings.ImapOAuthApplicationId, incomingSame ? null : draft.ImapOAuthApplicationId, v => settings.ImapOAuthApplicationId = v)
            .Set("Email approval", settings.EmailApprovalEnabled, approvals, v => settings.EmailApprovalEnabled = v)
            .Set("Reply Mailbox", settings.ReplyMailbox, approvals ? Blank(draft.ReplyMailbox) : null, v => settings.ReplyMailbox = v)
            .Set("Email Reply Folder", settings.EmailReplyFolder, approvals ? draft.EmailReplyFolder.Trim() : null, v => settings.EmailReplyFolder = v)
            .Set("Approval Reply Address", settings.ApprovalReplyAddress, approvals ? Blank(draft.ApprovalReplyAddress) : null, v => settings.ApprovalReplyAddress = v)
            .Set("Reply address delivery confirmed", settings.ReplyAddressDeliveryConfirmed, approvals && draft.ReplyAddressDeliveryConfirmed,
                v => settings.ReplyAddressDeliveryConfirmed = v)
            .Set("After processing", settings.ProcessedMailAction, draft.ProcessedMailAction, v => settings.ProcessedMailAction = v)
            .Set("Processed Mail Folder", settings.ProcessedMailFolder,
                approvals && draft.ProcessedMailAction == ProcessedMailAction.MoveToFolder ? draft.ProcessedMailFolder.Trim() : null,
                v => settings.ProcessedMailFolder = v)
            .Set("Poll interval", settings.PollIntervalSeconds, draft.PollIntervalSeconds, v => settings.PollIntervalSeconds = v)
            .Set("Send confirmations", settings.SendReplyConfirmations, draft.SendReplyConfirmations, v => settings.SendReplyConfirmations = v)
            .Set("Send reply answers", settings.SendReplyAnswers, draft.SendReplyAnswers, v => settings.SendReplyAnswers = v)
            .Track("Inbox removal acknowledged", settings.InboxRemovalAcknowledgedMailbox?.ToLowerInvariant(), acknowledgedMailbox?.ToLowerInvariant());
        if (acknowledgedMailbox is null)
        {
            settings.InboxRemovalAcknowledgedBy = null;
            settings.InboxRemovalAcknowledgedAt = null;
            settings.InboxRemovalAcknowledgedMailbox = null;
        }
        else if (!Formats.SameAddress(settings.InboxRemovalAcknowledgedMailbox, acknowledgedMailbox))
        {
            settings.InboxRemovalAcknowledgedBy = actor.Name;
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
