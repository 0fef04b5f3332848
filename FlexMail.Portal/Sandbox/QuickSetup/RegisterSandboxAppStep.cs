using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// Step 1, as in the sandbox's App registrations: the app <see cref="QuickSetupTarget.AppName"/> (made once, found again by
/// name), the portal's callback among its redirect URIs, the Graph permissions the setup wizard lists for the mode, and
/// "Grant admin consent for Contoso".
/// </summary>
public sealed class RegisterSandboxAppStep(SandboxAppRegistrations apps)
{
    public async Task<(SandboxApplication? App, QuickSetupStepResult Result)> RunAsync(
        PermissionMode mode, string redirectUri, CancellationToken cancellationToken)
    {
        var existing = (await apps.ListAsync(cancellationToken)).FirstOrDefault(a => a.DisplayName == QuickSetupTarget.AppName);
        var app = existing ?? await apps.CreateAsync(QuickSetupTarget.AppName, [redirectUri], cancellationToken);
        if (!app.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            await apps.SetRedirectUrisAsync(app.AppId, [.. app.RedirectUris, redirectUri], cancellationToken);
        }
        var permissions = RequiredPermissions.For(mode, QuickSetupTarget.Needs).Select(p => p.Name).ToList();
        if (mode == PermissionMode.Delegated)
        {
            await apps.SetPermissionsAsync(app.AppId, permissions, [], cancellationToken);
        }
        else
        {
            await apps.SetPermissionsAsync(app.AppId, ["User.Read"], permissions, cancellationToken);
        }
        await apps.GrantAdminConsentAsync(app.AppId, cancellationToken);

        var kind = mode == PermissionMode.Delegated ? "delegated" : "application";
        var what = existing is null ? $"Registered {app.DisplayName}" : $"Reused the app registration {app.DisplayName}";
        return (await apps.FindByClientIdAsync(app.AppId, cancellationToken), QuickSetupStepResult.Passed(QuickSetupStep.RegisterApp,
            $"{what} (client id {app.AppId}) with redirect URI {redirectUri}, the {kind} permissions {string.Join(", ", permissions)}, " +
            "and admin consent granted for Contoso."));
    }
}
