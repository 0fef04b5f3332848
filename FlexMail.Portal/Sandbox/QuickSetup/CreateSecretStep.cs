using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// Step 2: a new client secret on the app registration (the value exists only now, as in Entra ID). The secrets an
/// earlier quick setup made are removed, so re-running leaves one.
/// </summary>
public sealed class CreateSecretStep(SandboxAppRegistrations apps)
{
    public async Task<(NewClientSecret Secret, QuickSetupStepResult Result)> RunAsync(SandboxApplication app, CancellationToken cancellationToken)
    {
        foreach (var old in app.Secrets.Where(s => s.Description == QuickSetupTarget.SecretDescription))
        {
            await apps.DeleteSecretAsync(old.Id, cancellationToken);
        }
        var secret = await apps.AddSecretAsync(app.AppId, QuickSetupTarget.SecretDescription, SandboxAppRegistrations.DefaultSecretLifetime, cancellationToken);
        return (secret, QuickSetupStepResult.Passed(QuickSetupStep.CreateSecret,
            $"Made the client secret \"{QuickSetupTarget.SecretDescription}\", valid until {secret.Expires.UtcDateTime:yyyy-MM-dd}; " +
            "its value goes straight into FlexMail, encrypted, and is shown nowhere."));
    }
}
