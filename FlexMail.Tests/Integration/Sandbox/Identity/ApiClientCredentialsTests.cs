using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>
/// Client credentials for a sandbox app registration as the resource (the portal's API), through Azure.Identity and MSAL
/// unchanged: v2.0 app-only tokens with the roles granted to the client, and Entra's errors.
/// </summary>
public sealed class ApiClientCredentialsTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly string PortalApi = $"api://{SandboxPortalSignIn.ClientId}";

    [Fact]
    public async Task ClientSecretCredential_ForThePortalsApplicationIdUri_WithIntegratorGranted_GetsAV2TokenWithTheRole()
    {
        var client = await GrantedClientAsync(SandboxSeedApps.Integrator);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), client.ClientId.ToString(), client.Secret, Options());

        var token = await credential.GetTokenAsync(new TokenRequestContext([$"{PortalApi}/.default"]), CancellationToken.None);

        var jwt = new JsonWebToken(token.Token);
        Assert.Equal([SandboxPortalSignIn.ClientId.ToString()], jwt.Audiences);
        Assert.Equal(["FlexMail.Integrator"], Roles(jwt));
        Assert.Equal($"{portal.Authority(SandboxTenant.TenantId.ToString())}/v2.0", jwt.Issuer);
        Assert.Equal("2.0", jwt.GetClaim("ver").Value);
        Assert.Equal("app", jwt.GetClaim("idtyp").Value);
        Assert.Equal(client.ClientId.ToString(), jwt.GetClaim("azp").Value);
        Assert.Equal("1", jwt.GetClaim("azpacr").Value);
        Assert.Equal(SandboxTenant.TenantId.ToString(), jwt.GetClaim("tid").Value);
        var servicePrincipal = SandboxServicePrincipal.ObjectId(client.ClientId).ToString();
        Assert.Equal(servicePrincipal, jwt.GetClaim("oid").Value);
        Assert.Equal(servicePrincipal, jwt.Subject);
        Assert.NotEqual(client.ClientId.ToString(), servicePrincipal);
        Assert.False(jwt.TryGetClaim("scp", out _));
    }

    [Fact]
    public async Task Token_ForThePortalsApi_ValidatesAsAWebApiValidatesIt()
    {
        var client = await GrantedClientAsync(SandboxSeedApps.Integrator);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), client.ClientId.ToString(), client.Secret, Options());
        var token = await credential.GetTokenAsync(new TokenRequestContext([$"{PortalApi}/.default"]), CancellationToken.None);
        using var http = portal.Cloud.CreateHttpClient();
        var authority = portal.Authority(SandboxTenant.TenantId.ToString());
        var keys = new JsonWebKeySet(await http.GetStringAsync($"{authority}/discovery/v2.0/keys"));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAudience = SandboxPortalSignIn.ClientId.ToString(),
            ValidIssuer = $"{authority}/v2.0",
        });

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task Msal_ForThePortalsClientIdDefaultScope_GetsTheGrantedRole()
    {
        var client = await GrantedClientAsync(SandboxSeedApps.Integrator);
        var msal = new MsalFactory(portal).Create(client);

        var result = await msal.AcquireTokenForClient([$"{SandboxPortalSignIn.ClientId}/.default"]).ExecuteAsync();

        var jwt = new JsonWebToken(result.AccessToken);
        Assert.Equal([SandboxPortalSignIn.ClientId.ToString()], jwt.Audiences);
        Assert.Equal(["FlexMail.Integrator"], Roles(jwt));
    }

    [Fact]
    public async Task ClientSecretCredential_ForThePortalsApi_WithoutAGrant_GetsATokenWithoutRoles()
    {
        var client = await SandboxTestApp.CreateAsync(portal, [], []);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), client.ClientId.ToString(), client.Secret, Options());

        var token = await credential.GetTokenAsync(new TokenRequestContext([$"{PortalApi}/.default"]), CancellationToken.None);

        var jwt = new JsonWebToken(token.Token);
        Assert.Equal([SandboxPortalSignIn.ClientId.ToString()], jwt.Audiences);
        Assert.False(jwt.TryGetClaim("roles", out _));
    }

    [Fact]
    public async Task ClientSecretCredential_ForAnUnknownResource_FailsWithAadsts500011()
    {
        var client = await SandboxTestApp.CreateAsync(portal, [], []);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), client.ClientId.ToString(), client.Secret, Options());
        var unknown = $"api://{Guid.NewGuid()}";

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            credential.GetTokenAsync(new TokenRequestContext([$"{unknown}/.default"]), CancellationToken.None).AsTask());

        var server = Assert.IsAssignableFrom<MsalServiceException>(error.InnerException);
        Assert.Equal("invalid_resource", server.ErrorCode);
        Assert.Contains($"AADSTS500011: The resource principal named {unknown} was not found in the tenant named Contoso (sandbox).", server.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSecretCredential_ForAResourceRequiringAssignment_WithoutARole_FailsWithAadsts501051()
    {
        var apps = portal.Get<SandboxAppRegistrations>();
        var resource = await apps.CreateAsync("Assignment-required API", [], CancellationToken.None);
        await portal.Get<SandboxEnterpriseApps>().SetAssignmentRequiredAsync(resource.AppId, true, CancellationToken.None);
        var client = await SandboxTestApp.CreateAsync(portal, [], []);
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), client.ClientId.ToString(), client.Secret, Options());

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            credential.GetTokenAsync(new TokenRequestContext([$"{resource.AppId}/.default"]), CancellationToken.None).AsTask());

        var message = Assert.IsAssignableFrom<MsalServiceException>(error.InnerException).Message;
        Assert.Contains($"AADSTS501051: Application '{client.ClientId}'", message, StringComparison.Ordinal);
        Assert.Contains($"is not assigned to a role for the application '{resource.AppId}'(Assignment-required API)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeededDeploymentPipeline_WithASecretMadeForIt_GetsFlexMailIntegrator()
    {
        var secret = await portal.Get<SandboxAppRegistrations>().AddSecretAsync(SandboxSeedApps.PipelineClientId, "pipeline test",
            SandboxAppRegistrations.DefaultSecretLifetime, CancellationToken.None);
        var credential = new ClientSecretCredential(SandboxTenant.Domain, SandboxSeedApps.PipelineClientId.ToString(), secret.Value, Options());

        var token = await credential.GetTokenAsync(new TokenRequestContext([$"{PortalApi}/.default"]), CancellationToken.None);

        Assert.Equal(["FlexMail.Integrator"], Roles(new JsonWebToken(token.Token)));
    }

    /// <summary>A new client app that asks for <paramref name="role"/> on FlexMail Portal, with admin consent.</summary>
    private async Task<SandboxTestApp> GrantedClientAsync(SandboxAppRole role)
    {
        var client = await SandboxTestApp.CreateAsync(portal, [], []);
        var apps = portal.Get<SandboxAppRegistrations>();
        await apps.SetApiPermissionsAsync(client.ClientId, [new SandboxApiRolePermission(SandboxPortalSignIn.ClientId, role.Id)], CancellationToken.None);
        await apps.GrantAdminConsentAsync(client.ClientId, CancellationToken.None);
        return client;
    }

    private static string[] Roles(JsonWebToken jwt) => [.. jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value)];

    private ClientSecretCredentialOptions Options() => new()
    {
        AuthorityHost = portal.Endpoints.AuthorityHost,
        Transport = new HttpClientTransport(portal.Cloud.CreateHttpClient()),
        DisableInstanceDiscovery = true,
    };
}
