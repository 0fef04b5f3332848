using FlexMail.Domain.Audit;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.MailboxAccess;

/// <summary>
/// A FlexMail app registration in the sandbox (redirect URI = this portal's callback, FlexMail's delegated
/// permissions, a secret) and the OAuth application and email settings saved through FlexMail's own services,
/// plus the steps of Authorize as a browser takes them.
/// </summary>
internal sealed class AuthorizeScenario(KestrelPortal portal)
{
    public static readonly Actor Actor = new("admin@contoso.test", "0b1c2d3e-0005-4000-8000-000000000005");

    public static readonly string[] DelegatedPermissions = ["User.Read", "Mail.Send", "Mail.ReadWrite", "Mail.Send.Shared", "Mail.ReadWrite.Shared"];

    public string BaseUrl => $"https://localhost:{portal.HttpsAddress.Port}";

    public string RedirectUri => BaseUrl + "/flexdeploy/rest/v2/oauth";

    private SandboxAppRegistrations Registrations => portal.Get<SandboxAppRegistrations>();

    /// <summary>Registers the app (with or without admin consent) and saves it as the SMTP User's OAuth application.</summary>
    public async Task<OAuthApplication> SetUpAsync(bool adminConsent = true, string smtpUser = "svc-flexmail@contoso.test",
        PermissionMode mode = PermissionMode.Delegated)
    {
        var app = await Registrations.CreateAsync($"FlexMail {Guid.NewGuid():N}", [RedirectUri], CancellationToken.None);
        await Registrations.SetPermissionsAsync(app.AppId, DelegatedPermissions, [], CancellationToken.None);
        if (adminConsent)
        {
            await Registrations.GrantAdminConsentAsync(app.AppId, CancellationToken.None);
        }
        var secret = await Registrations.AddSecretAsync(app.AppId, "FlexMail", SandboxAppRegistrations.DefaultSecretLifetime, CancellationToken.None);
        var draft = new OAuthApplicationDraft
        {
            Id = Guid.NewGuid(),
            Name = $"Sandbox {Guid.NewGuid():N}",
            TenantId = SandboxTenant.TenantId.ToString(),
            ClientId = app.AppId.ToString(),
            PermissionMode = mode,
            CredentialKind = CredentialKind.ClientSecret,
            ClientSecret = secret.Value,
        };
        var saved = await portal.Get<SetupService>().SaveAsync(draft, new EmailSettingsDraft
        {
            ServerBaseUrl = BaseUrl, SmtpUser = smtpUser, SmtpFromAddress = smtpUser, SmtpOAuthApplicationId = draft.Id,
        }, Actor, CancellationToken.None);
        Assert.True(saved.Saved, string.Join("; ", saved.ApplicationReport.Issues.Concat(saved.SettingsReport.Issues).Select(i => i.ToString())));
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.OAuthApplications.AsNoTracking().SingleAsync(a => a.Id == draft.Id);
    }

    public IDbContextFactory<FlexMailDbContext> Contexts => portal.Get<IDbContextFactory<FlexMailDbContext>>();

    /// <summary>Opens the portal's start endpoint at the Server Base URL (the host the callback comes back to, so the cookie goes along); returns the Entra ID authorize URL it redirects to.</summary>
    public async Task<Uri> StartAsync(SandboxSignIn browser, string role = "Outgoing")
    {
        var step = await browser.GetAsync(new Uri($"{BaseUrl}/oauth/authorize?role={role}&returnUrl=%2Fsettings%2Femail"));
        return step.Location ?? throw new InvalidOperationException($"Start did not redirect: {step.Status} {step.Page?.Text}");
    }

    /// <summary>Follows Entra ID's redirect to the portal's callback; returns the outcome the callback redirected with.</summary>
    public async Task<AuthorizationOutcome> CallbackAsync(SandboxSignIn browser, Uri callback)
    {
        var step = await browser.GetAsync(callback);
        var back = step.Location ?? throw new InvalidOperationException($"The callback did not redirect: {step.Status} {step.Page?.Text}");
        Assert.Equal("/settings/email", back.AbsolutePath);
        var id = Guid.Parse(QueryHelpers.ParseQuery(back.Query)["authorization"].ToString());
        return portal.Get<AuthorizationOutcomes>().Find(id) ?? throw new InvalidOperationException("The outcome id is unknown.");
    }

    /// <summary>Signs the service user in (start, sign-in, callback) with the saved setup and requires success.</summary>
    public async Task AuthorizeServiceUserAsync()
    {
        using var browser = await portal.SignInAtLocalhostAsync();
        var outcome = await AuthorizeAsync(browser, SandboxSeed.ServiceUser);
        Assert.True(outcome.Succeeded, $"{outcome.Message} {outcome.Fix}");
    }

    /// <summary><see cref="SetUpAsync"/> with its defaults, then <see cref="AuthorizeServiceUserAsync"/>.</summary>
    public async Task<OAuthApplication> SetUpAuthorizedAsync()
    {
        var application = await SetUpAsync();
        await AuthorizeServiceUserAsync();
        return application;
    }

    /// <summary>Start, sign in as <paramref name="user"/> (accepting consent if asked), callback.</summary>
    public async Task<AuthorizationOutcome> AuthorizeAsync(SandboxSignIn browser, SandboxUser user) =>
        await CallbackAsync(browser, await browser.SignInAsync(await StartAsync(browser), user));

    public async Task<MailboxAuthorization?> FindAsync(OAuthApplication application)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.MailboxAuthorizations.AsNoTracking().SingleOrDefaultAsync(a => a.OAuthApplicationId == application.Id);
    }
}
