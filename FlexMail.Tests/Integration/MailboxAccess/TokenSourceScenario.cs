using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Domain.Credentials;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.MailboxAccess;

/// <summary>
/// An app registration in the sandbox tenant and the matching OAuth application saved through FlexMail's own
/// services (the portal's database and secret protector), as an administrator would set them up.
/// </summary>
internal sealed class TokenSourceScenario(KestrelPortal portal)
{
    private static readonly Actor Actor = new("admin@contoso.test", "0b1c2d3e-0005-4000-8000-000000000005");

    public static readonly string[] ApplicationPermissions = ["Mail.Send", "Mail.ReadWrite"];

    public static string TenantId => SandboxTenant.TenantId.ToString();

    private SandboxAppRegistrations Registrations => portal.Get<SandboxAppRegistrations>();

    /// <summary>A registered app with application permissions consented by an administrator.</summary>
    public async Task<SandboxApplication> RegisterAppAsync()
    {
        var app = await Registrations.CreateAsync($"FlexMail daemon {Guid.NewGuid():N}", [], CancellationToken.None);
        await Registrations.SetPermissionsAsync(app.AppId, ["User.Read"], ApplicationPermissions, CancellationToken.None);
        await Registrations.GrantAdminConsentAsync(app.AppId, CancellationToken.None);
        return app;
    }

    public Task<NewClientSecret> AddSecretAsync(SandboxApplication app) =>
        Registrations.AddSecretAsync(app.AppId, "FlexMail", SandboxAppRegistrations.DefaultSecretLifetime, CancellationToken.None);

    public async Task<OAuthApplication> SaveWithSecretAsync(string tenantId, string clientId, string secretValue)
    {
        var draft = Draft(tenantId, clientId);
        draft.CredentialKind = CredentialKind.ClientSecret;
        draft.ClientSecret = secretValue;
        return await SaveAsync(draft);
    }

    /// <summary>Stores a new certificate and its private key as FlexMail credentials and saves an application using them.</summary>
    public async Task<(OAuthApplication Application, X509Certificate2 Certificate)> SaveWithCertificateAsync(string tenantId, string clientId)
    {
        using var key = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var certificate = TestCertificates.Create(RSA.Create(key.ExportParameters(true)), now.AddDays(-1), now.AddYears(1));
        var credentials = portal.Get<CredentialService>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var storedCertificate = await credentials.AddCertificateAsync(
            new AddCertificateRequest($"Entra certificate {suffix}", TestCertificates.Pem(certificate)), Actor, CancellationToken.None);
        var storedKey = await credentials.AddPrivateKeyAsync(
            new AddPrivateKeyRequest($"Entra key {suffix}", TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem)), Actor, CancellationToken.None);
        Assert.True(storedCertificate.Succeeded, storedCertificate.Problem?.Cause);
        Assert.True(storedKey.Succeeded, storedKey.Problem?.Cause);

        var draft = Draft(tenantId, clientId);
        draft.CredentialKind = CredentialKind.Certificate;
        draft.CertificateCredentialId = storedCertificate.Value.Certificate.Id;
        draft.PrivateKeyCredentialId = storedKey.Value.PrivateKey.Id;
        return (await SaveAsync(draft), certificate);
    }

    private static OAuthApplicationDraft Draft(string tenantId, string clientId) => new()
    {
        Name = $"Daemon {Guid.NewGuid():N}",
        TenantId = tenantId,
        ClientId = clientId,
        PermissionMode = PermissionMode.Application,
    };

    private async Task<OAuthApplication> SaveAsync(OAuthApplicationDraft draft)
    {
        var saved = await portal.Get<OAuthApplicationService>().SaveAsync(draft, Actor, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Report().Issues.Select(issue => issue.ToString())));
        await using var db = await portal.Get<IDbContextFactory<FlexMailDbContext>>().CreateDbContextAsync();
        return await db.OAuthApplications.AsNoTracking().SingleAsync(a => a.Id == saved.Value!.Id);
    }
}
