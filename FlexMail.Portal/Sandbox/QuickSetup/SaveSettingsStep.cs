using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// Step 3, as the setup wizard's Save: the OAuth application (the sandbox tenant, the app's client id and secret, the
/// permission mode) and the email settings (<see cref="QuickSetupTarget.Settings"/>) saved together through
/// <see cref="SetupService"/>, which validates and audits them. An OAuth application of an earlier quick setup is updated,
/// not duplicated.
/// </summary>
public sealed class SaveSettingsStep(OAuthApplicationService applications, SetupService setup)
{
    public async Task<QuickSetupStepResult> RunAsync(SandboxApplication app, NewClientSecret secret, PermissionMode mode, string serverBaseUrl,
        Actor actor, CancellationToken cancellationToken)
    {
        var existing = (await applications.ListAsync(cancellationToken)).FirstOrDefault(a => a.Name == QuickSetupTarget.AppName);
        var application = new OAuthApplicationDraft
        {
            Id = existing?.Id ?? Guid.NewGuid(),
            Name = QuickSetupTarget.AppName,
            Cloud = CloudInstance.Global,
            TenantId = SandboxTenant.TenantId.ToString(),
            ClientId = app.AppId.ToString(),
            PermissionMode = mode,
            CredentialKind = CredentialKind.ClientSecret,
            ClientSecret = secret.Value,
            ClientSecretExpiresOn = secret.Expires.UtcDateTime.Date,
        };
        var settings = QuickSetupTarget.Settings(serverBaseUrl, application.Id.Value);
        var saved = await setup.SaveAsync(application, settings, actor, cancellationToken);
        if (!saved.Saved)
        {
            var errors = saved.ApplicationReport.Issues.Concat(saved.SettingsReport.Issues)
                .Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Message);
            return QuickSetupStepResult.Failed(QuickSetupStep.SaveSettings, $"FlexMail refused the settings: {string.Join(" ", errors)} Nothing was saved.",
                "Correct what the message names (on the OAuth Applications page or Email Settings), then click Try with the sandbox again.");
        }
        return QuickSetupStepResult.Passed(QuickSetupStep.SaveSettings,
            $"Saved the OAuth application {QuickSetupTarget.AppName} ({(mode == PermissionMode.Delegated ? "delegated" : "application")} permissions) " +
            $"and the email settings: SMTP User {settings.SmtpUser}, SMTP From Address {settings.SmtpFromAddress}, email approval on with " +
            $"Reply Mailbox {settings.ReplyMailbox}, Email Reply Folder {settings.EmailReplyFolder}, processed mail moved to " +
            $"{settings.ProcessedMailFolder}, Server Base URL {settings.ServerBaseUrl}.");
    }
}
