using FlexMail.Domain.Audit;
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
    public Task<SetupSaveResult> SaveAsync(OAuthApplicationDraft application, EmailSettingsDraft emailSettings, Actor actor, CancellationToken cancellationToken)
    {
        var applicationId = application.Id ??= Guid.NewGuid();
        // Both halves are staged in one context and saved by one SaveChanges: one transaction, nothing is half-saved.
        return contexts.SaveStagedAsync(async db =>
            {
                var applicationResult = await applications.StageAsync(db, application, actor, cancellationToken);
                var settingsResult = await settings.StageAsync(db, emailSettings, [applicationId], actor, cancellationToken);
                return new SetupSaveResult(applicationResult.Succeeded && settingsResult.Succeeded, applicationResult.Report(), settingsResult.Report());
            },
            result => result.Saved,
            async () => new SetupSaveResult(false,
                ValidationProblem.ConcurrentChange(await applications.ValidateAsync(application, cancellationToken)).Report,
                await settings.ValidateAsync(emailSettings, [applicationId], cancellationToken)),
            cancellationToken);
    }
}

/// <summary>Both halves' reports; <see cref="Saved"/> only when neither had an error.</summary>
public sealed record SetupSaveResult(bool Saved, ValidationReport ApplicationReport, ValidationReport SettingsReport);
