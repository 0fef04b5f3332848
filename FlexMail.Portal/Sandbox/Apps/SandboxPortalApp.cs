using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox.Identity;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Sandbox.Apps;

/// <summary>Where the redirect URI of the portal's own app registration comes from.</summary>
/// <param name="FromSavedSettings">True when built from the saved Server Base URL; false when from the address the portal was opened at.</param>
public sealed record PortalRedirectUri(string Value, bool FromSavedSettings);

/// <summary>The portal's app registration, where its redirect URI came from, and whether it existed already.</summary>
public sealed record RegisteredPortalApp(SandboxApplication App, PortalRedirectUri RedirectUri, bool AlreadyRegistered = false);

/// <summary>
/// "Register an app for this portal": an app named FlexMail whose redirect URI is the portal's own OAuth callback,
/// with the delegated Graph permissions FlexMail asks for and admin consent granted, ready to authorize.
/// </summary>
public sealed class SandboxPortalApp(SandboxAppRegistrations apps, EmailSettingsService settings, IOptions<OAuthOptions> oauth)
{
    public const string AppName = "FlexMail";

    /// <summary>The delegated permissions FlexMail's Authorize asks for (shared-mailbox ones included), offline_access as the setup lists it.</summary>
    public static readonly IReadOnlyList<string> DelegatedPermissions = [GraphScopes.OfflineAccess, "User.Read", "Mail.Send", "Mail.ReadWrite", "Mail.Send.Shared", "Mail.ReadWrite.Shared"];

    /// <summary>The saved Server Base URL + callback path; else <paramref name="portalAddress"/> (the address the portal is open at, made https).</summary>
    public async Task<PortalRedirectUri> RedirectUriAsync(Uri portalAddress, CancellationToken cancellationToken)
    {
        var saved = (await settings.GetDraftAsync(cancellationToken)).ServerBaseUrl;
        if (ServerBaseUrl.RedirectUriOrNull(saved, oauth.Value.CallbackPath) is { } fromSettings)
        {
            return new PortalRedirectUri(fromSettings, FromSavedSettings: true);
        }
        var https = new UriBuilder(portalAddress) { Scheme = Uri.UriSchemeHttps, Port = portalAddress.IsDefaultPort ? -1 : portalAddress.Port };
        return new PortalRedirectUri(ServerBaseUrl.RedirectUri(https.Uri.GetLeftPart(UriPartial.Authority), oauth.Value.CallbackPath), FromSavedSettings: false);
    }

    public async Task<RegisteredPortalApp> RegisterAsync(Uri portalAddress, CancellationToken cancellationToken)
    {
        var redirectUri = await RedirectUriAsync(portalAddress, cancellationToken);
        var existing = (await apps.ListAsync(cancellationToken))
            .FirstOrDefault(a => a.DisplayName == AppName && a.RedirectUris.Contains(redirectUri.Value, StringComparer.Ordinal));
        if (existing is not null)
        {
            return new RegisteredPortalApp(existing, redirectUri, AlreadyRegistered: true);
        }
        var app = await apps.CreateAsync(AppName, [redirectUri.Value], cancellationToken);
        await apps.SetPermissionsAsync(app.AppId, DelegatedPermissions, [], cancellationToken);
        await apps.GrantAdminConsentAsync(app.AppId, cancellationToken);
        return new RegisteredPortalApp((await apps.FindByClientIdAsync(app.AppId, cancellationToken))!, redirectUri);
    }
}
