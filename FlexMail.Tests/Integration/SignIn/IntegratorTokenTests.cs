using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FlexMail.Portal.Endpoints;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;

namespace FlexMail.Tests.Integration.SignIn;

/// <summary>
/// The integrator API takes Entra bearer tokens (Microsoft.Identity.Web's web API support) for FlexMail's own app
/// registration, issued by the sandbox to a client application with, or without, the app role FlexMail.Integrator.
/// </summary>
public sealed class IntegratorTokenTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly string Scope = $"api://{SandboxPortalSignIn.ClientId}/.default";

    [Fact]
    public async Task WhoAmI_WithAnIntegratorToken_NamesTheCallerAndItsRole()
    {
        var pipeline = await ClientAsync(grantIntegrator: true);

        using var response = await CallAsync(await TokenAsync(pipeline));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<CallerInfo>();
        Assert.Equal(pipeline.ClientId.ToString(), caller!.ClientId);
        Assert.Equal(Portal.Sandbox.SandboxTenant.TenantId.ToString(), caller.TenantId);
        Assert.Equal(["FlexMail.Integrator"], caller.Roles);
    }

    [Fact]
    public async Task WhoAmI_WithATokenWithoutTheRole_Answers403ProblemDetailsNamingTheRole()
    {
        var stranger = await ClientAsync(grantIntegrator: false);

        using var response = await CallAsync(await TokenAsync(stranger));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("FlexMail.Integrator", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_WithoutAToken_Answers401ProblemDetails()
    {
        using var response = await CallAsync(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WhoAmI_WithAGraphTokenOfTheSameTenant_Answers401()
    {
        var pipeline = await ClientAsync(grantIntegrator: true);
        var graph = await new MsalFactory(portal).Create(pipeline).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync();

        using var response = await CallAsync(graph.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WhoAmI_WithThePortalsSignInCookie_Answers401()
    {
        using var megan = await portal.SignInAsync(Portal.Sandbox.SandboxSeed.MeganBowen);

        using var response = await megan.Client.GetAsync(new Uri(portal.HttpsAddress, "/api/v1/whoami"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<SandboxTestApp> ClientAsync(bool grantIntegrator)
    {
        var client = await SandboxTestApp.CreateAsync(portal, [], []);
        if (grantIntegrator)
        {
            var apps = portal.Get<SandboxAppRegistrations>();
            await apps.SetApiPermissionsAsync(client.ClientId, [new SandboxApiRolePermission(SandboxPortalSignIn.ClientId, SandboxSeedApps.Integrator.Id)], CancellationToken.None);
            await apps.GrantAdminConsentAsync(client.ClientId, CancellationToken.None);
        }
        return client;
    }

    private async Task<string> TokenAsync(SandboxTestApp client) =>
        (await new MsalFactory(portal).Create(client).AcquireTokenForClient([Scope]).ExecuteAsync()).AccessToken;

    private async Task<HttpResponseMessage> CallAsync(string? token)
    {
        using var client = new SandboxSignIn(portal);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(portal.HttpsAddress, "/api/v1/whoami"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await client.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
