using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Settings;

/// <summary>The setup wizard's save: the OAuth application and the email settings together, or neither.</summary>
public sealed class SetupService(
    IDbContextFactory<FlexMailDbContext> contexts,
    OAuthApplicationService applications,
    EmailSettingsService settings)
{
    public async Task<SetupSaveResult> SaveAsync(OAuthApplicationDraft application, EmailSettingsDraft emailSettings, string actor, CancellationToken cancellationToken)
    {
        application.Id ??= Guid.NewGuid();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var applicationResult = await applications.StageAsync(db, application, actor, cancellationToken);
        var settingsResult = await settings.StageAsync(db, emailSettings, [application.Id.Value], actor, cancellationToken);
        var saved = applicationResult.Saved && settingsResult.Saved;
        if (!saved)
        {
            return new SetupSaveResult(false, applicationResult.Report, settingsResult.Report);
        }
        try
        {
            // One SaveChanges: one transaction. Nothing is half-saved.
            await db.SaveChangesAsync(cancellationToken);
            return new SetupSaveResult(true, applicationResult.Report, settingsResult.Report);
        }
        catch (DbUpdateException)
        {
            var applicationReport = await applications.ValidateAsync(application, cancellationToken);
            var settingsReport = await settings.ValidateAsync(emailSettings, [application.Id.Value], cancellationToken);
            return new SetupSaveResult(false, SaveResult.ConcurrentChange(applicationReport), settingsReport);
        }
    }
}

/// <summary>Both halves' reports; <see cref="Saved"/> only when neither had an error.</summary>
public sealed record SetupSaveResult(bool Saved, ValidationReport ApplicationReport, ValidationReport SettingsReport);
