using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Tests.Support.Sandbox;

/// <summary>An app registration made in the sandbox for one test, with a client secret and one web redirect URI.</summary>
public sealed record SandboxTestApp(Guid ClientId, string Secret, Guid SecretId, string RedirectUri)
{
    public static async Task<SandboxTestApp> CreateAsync(KestrelPortal portal, string[] delegated, string[]? application = null,
        bool adminConsent = false)
    {
        var apps = portal.Get<SandboxAppRegistrations>();
        var redirectUri = $"https://localhost:{portal.HttpsAddress.Port}/signin-oidc";
        var app = await apps.CreateAsync($"FlexMail test {Guid.NewGuid():N}", [redirectUri], CancellationToken.None);
        await apps.SetPermissionsAsync(app.AppId, delegated, application ?? [], CancellationToken.None);
        var secret = await apps.AddSecretAsync(app.AppId, "test", SandboxAppRegistrations.DefaultSecretLifetime, CancellationToken.None);
        if (adminConsent)
        {
            await apps.GrantAdminConsentAsync(app.AppId, CancellationToken.None);
        }
        return new SandboxTestApp(app.AppId, secret.Value, secret.SecretId, redirectUri);
    }
}
