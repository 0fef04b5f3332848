using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>The client credentials flow through Azure.Identity unchanged: secrets and certificates.</summary>
public sealed class AzureIdentityCredentialTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly TokenRequestContext GraphDefault = new([$"{SandboxTenant.GraphResource}/.default"]);

    [Fact]
    public async Task ClientSecretCredential_WithValidSecret_GetsTokenWithTheGrantedAppRoles()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.ReadWrite", "Mail.Send"], adminConsent: true);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), app.ClientId.ToString(), app.Secret, Options());

        var token = await credential.GetTokenAsync(GraphDefault, CancellationToken.None);

        var jwt = new JsonWebToken(token.Token);
        Assert.Equal(["Mail.ReadWrite", "Mail.Send"], jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).Order());
        Assert.Equal(app.ClientId.ToString(), jwt.GetClaim("appid").Value);
        Assert.False(jwt.TryGetClaim("scp", out _));
        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(60));
    }

    [Fact]
    public async Task ClientSecretCredential_WithoutAdminConsent_GetsTokenWithoutRoles()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.ReadWrite"]);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), app.ClientId.ToString(), app.Secret, Options());

        var token = await credential.GetTokenAsync(GraphDefault, CancellationToken.None);

        Assert.DoesNotContain(new JsonWebToken(token.Token).Claims, c => c.Type == "roles");
    }

    [Fact]
    public async Task ClientSecretCredential_WithWrongSecret_FailsWithAadsts7000215()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"], adminConsent: true);
        // The secret id instead of its value: the classic mistake the message points out.
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), app.ClientId.ToString(), app.SecretId.ToString(), Options());

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(GraphDefault, CancellationToken.None).AsTask());

        Assert.Contains("AADSTS7000215: Invalid client secret provided.", ServerMessage(error), StringComparison.Ordinal);
        Assert.Contains($"app '{app.ClientId}'", ServerMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSecretCredential_WithExpiredSecret_FailsWithAadsts7000222()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"], adminConsent: true);
        await portal.Get<SandboxAppRegistrations>().ExpireSecretAsync(app.SecretId, CancellationToken.None);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), app.ClientId.ToString(), app.Secret, Options());

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(GraphDefault, CancellationToken.None).AsTask());

        Assert.Contains("AADSTS7000222", ServerMessage(error), StringComparison.Ordinal);
        Assert.Contains("are expired", ServerMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSecretCredential_ForUnknownTenant_FailsWithAadsts90002()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], []);
        var credential = new ClientSecretCredential("fabrikam.test", app.ClientId.ToString(), app.Secret, Options());

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(GraphDefault, CancellationToken.None).AsTask());

        Assert.Contains("AADSTS90002: Tenant 'fabrikam.test' not found.", ServerMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSecretCredential_ForUnknownClientId_FailsWithAadsts700016()
    {
        var unknown = Guid.NewGuid().ToString();
        var credential = new ClientSecretCredential(SandboxTenant.Domain, unknown, "not-a-secret", Options());

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(GraphDefault, CancellationToken.None).AsTask());

        Assert.Contains($"AADSTS700016: Application with identifier '{unknown}' was not found in the directory 'Contoso (sandbox)'", ServerMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificateCredential_WithRegisteredCertificate_GetsToken()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"], adminConsent: true);
        using var certificate = CreateCertificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await RegisterAsync(app, certificate);
        var credential = new ClientCertificateCredential(SandboxTenant.TenantId.ToString(), app.ClientId.ToString(), certificate, CertificateOptions());

        var token = await credential.GetTokenAsync(GraphDefault, CancellationToken.None);

        Assert.Equal("Mail.Send", new JsonWebToken(token.Token).GetClaim("roles").Value);
    }

    [Fact]
    public async Task ClientCertificateCredential_WithUnregisteredCertificate_FailsWithAadsts700027()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"], adminConsent: true);
        using var registered = CreateCertificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var other = CreateCertificate(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await RegisterAsync(app, registered);
        var credential = new ClientCertificateCredential(SandboxTenant.TenantId.ToString(), app.ClientId.ToString(), other, CertificateOptions());

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(GraphDefault, CancellationToken.None).AsTask());

        Assert.Contains("AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.", ServerMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCertificateCredential_WithExpiredRegisteredCertificate_FailsWithAadsts700027KeyExpired()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"], adminConsent: true);
        using var expired = CreateCertificate(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        await RegisterAsync(app, expired);
        var credential = new ClientCertificateCredential(SandboxTenant.TenantId.ToString(), app.ClientId.ToString(), expired, CertificateOptions());

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(GraphDefault, CancellationToken.None).AsTask());

        Assert.Contains("AADSTS700027", ServerMessage(error), StringComparison.Ordinal);
        Assert.Contains("The key used is expired.", ServerMessage(error), StringComparison.Ordinal);
    }

    // Azure.Identity's own message is a summary; the server's answer is in MSAL's exception inside it.
    private static string ServerMessage(AuthenticationFailedException error) =>
        Assert.IsAssignableFrom<MsalServiceException>(error.InnerException).Message;

    private T Options<T>(T options) where T : TokenCredentialOptions
    {
        options.AuthorityHost = portal.Endpoints.AuthorityHost;
        options.Transport = new HttpClientTransport(portal.Cloud.CreateHttpClient());
        return options;
    }

    private ClientSecretCredentialOptions Options() => Options(new ClientSecretCredentialOptions { DisableInstanceDiscovery = true });

    private ClientCertificateCredentialOptions CertificateOptions() => Options(new ClientCertificateCredentialOptions { DisableInstanceDiscovery = true });

    private async Task RegisterAsync(SandboxTestApp app, X509Certificate2 certificate)
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        await portal.Get<SandboxAppRegistrations>().AddCertificateAsync(app.ClientId, publicOnly, CancellationToken.None);
    }

    private static X509Certificate2 CreateCertificate(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=FlexMail test client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore, notAfter);
    }
}
