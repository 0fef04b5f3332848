using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Security;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FlexMail.Tests.Integration.MailboxAccess;

public sealed class ApplicationTokenSourceTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly TokenSourceScenario _scenario = new(portal);

    private ApplicationTokenSources Sources => portal.Get<ApplicationTokenSources>();

    [Fact]
    public async Task GetAccessToken_ClientSecret_GivesATokenWithTheGrantedRoles()
    {
        var app = await _scenario.RegisterAppAsync();
        var secret = await _scenario.AddSecretAsync(app);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        using var source = await Sources.ForApplicationAsync(application, CancellationToken.None);

        var token = new JsonWebToken(await source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(app.AppId.ToString(), token.GetClaim("appid").Value);
        Assert.Equal(TokenSourceScenario.ApplicationPermissions.Order(), token.Claims.Where(c => c.Type == "roles").Select(c => c.Value).Order());
        Assert.Equal(portal.Endpoints.GraphResource, token.Audiences.Single());
    }

    [Fact]
    public async Task GetAccessToken_WrongSecret_FailsWith7000215AndTheSecretIdCause()
    {
        var app = await _scenario.RegisterAppAsync();
        await _scenario.AddSecretAsync(app);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), "Xy78Q~NotTheValueOfAnySecretOfThisApp000");
        using var source = await Sources.ForApplicationAsync(application, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(7000215, error.Failure.Code);
        Assert.Contains("you probably pasted the secret ID, not its value", error.Failure.Cause);
        Assert.Contains(app.AppId.ToString(), error.Failure.Cause);
    }

    [Fact]
    public async Task GetAccessToken_ExpiredSecret_FailsWith7000222()
    {
        var app = await _scenario.RegisterAppAsync();
        var secret = await _scenario.AddSecretAsync(app);
        await portal.Get<Portal.Sandbox.Apps.SandboxAppRegistrations>().ExpireSecretAsync(secret.SecretId, CancellationToken.None);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        using var source = await Sources.ForApplicationAsync(application, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(7000222, error.Failure.Code);
        Assert.Contains("create a new client secret", error.Failure.Fix);
    }

    [Fact]
    public async Task GetAccessToken_CertificateUploadedToTheApp_GivesATokenWithTheGrantedRoles()
    {
        var app = await _scenario.RegisterAppAsync();
        var (application, certificate) = await _scenario.SaveWithCertificateAsync(TokenSourceScenario.TenantId, app.AppId.ToString());
        using (certificate)
        {
            await portal.Get<Portal.Sandbox.Apps.SandboxAppRegistrations>().AddCertificateAsync(app.AppId, certificate, CancellationToken.None);
        }
        using var source = await Sources.ForApplicationAsync(application, CancellationToken.None);

        var token = new JsonWebToken(await source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(app.AppId.ToString(), token.GetClaim("appid").Value);
        Assert.Contains(token.Claims, c => c.Type == "roles" && c.Value == "Mail.Send");
    }

    [Fact]
    public async Task GetAccessToken_CertificateNotUploadedToTheApp_FailsWith700027NamingTheThumbprint()
    {
        var app = await _scenario.RegisterAppAsync();
        var (application, certificate) = await _scenario.SaveWithCertificateAsync(TokenSourceScenario.TenantId, app.AppId.ToString());
        using var _ = certificate;
        using var source = await Sources.ForApplicationAsync(application, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(700027, error.Failure.Code);
        Assert.Contains(certificate.Thumbprint, error.Failure.Cause, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Upload the certificate's public part", error.Failure.Fix);
    }

    [Fact]
    public async Task GetAccessToken_UnknownTenant_FailsWith90002()
    {
        var app = await _scenario.RegisterAppAsync();
        var secret = await _scenario.AddSecretAsync(app);
        var unknownTenant = Guid.NewGuid().ToString();
        var application = await _scenario.SaveWithSecretAsync(unknownTenant, app.AppId.ToString(), secret.Value);
        using var source = await Sources.ForApplicationAsync(application, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(90002, error.Failure.Code);
        Assert.Contains(unknownTenant, error.Failure.Cause);
        Assert.Contains("Tenant Id", error.Failure.Fix);
    }

    [Fact]
    public async Task GetAccessToken_UnknownClient_FailsWith700016()
    {
        var unknownClient = Guid.NewGuid().ToString();
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, unknownClient, "Xy78Q~NotTheValueOfAnySecretOfThisApp000");
        using var source = await Sources.ForApplicationAsync(application, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(700016, error.Failure.Code);
        Assert.Contains(unknownClient, error.Failure.Cause);
    }

    [Fact]
    public async Task ForApplication_NoSavedSecret_IsRefusedSayingToEnterOne()
    {
        var application = new OAuthApplication
        {
            Name = "Daemon without secret",
            TenantId = TokenSourceScenario.TenantId,
            ClientId = Guid.NewGuid().ToString(),
            PermissionMode = PermissionMode.Application,
        };

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => Sources.ForApplicationAsync(application, CancellationToken.None));

        Assert.Null(error.Failure.Code);
        Assert.Contains("has no saved client secret", error.Failure.Cause);
        Assert.Contains("enter the Value of a client secret", error.Failure.Fix);
    }

    [Fact]
    public async Task GetAccessToken_AuthorityCertificateNotTrusted_FailsNamingTheHost()
    {
        var app = await _scenario.RegisterAppAsync();
        var secret = await _scenario.AddSecretAsync(app);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        using var other = SelfSignedCertificates.CreateTlsServer(["localhost"], TimeProvider.System, TimeSpan.FromDays(1));
        using var pinnedElsewhere = new SandboxMicrosoftCloud(portal.Get<SandboxBaseAddress>(), new LocalHttpsCertificateInfo(other));
        var sources = new ApplicationTokenSources(pinnedElsewhere, portal.Get<OAuthApplicationSecrets>(), NullLogger<ApplicationTokenSource>.Instance);
        using var source = await sources.ForApplicationAsync(application, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TokenAcquisitionException>(() => source.GetAccessTokenAsync(CancellationToken.None));

        Assert.Null(error.Failure.Code);
        Assert.Contains($"localhost:{portal.HttpsAddress.Port}", error.Failure.Cause);
        Assert.Contains("trusted HTTPS connection", error.Failure.Cause);
    }
}
