using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Audit;
using FlexMail.Portal.Endpoints;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Integration.ApiKeys;

/// <summary>
/// The integrator API takes an API key in <c>X-Api-Key</c> beside Entra bearer tokens (those are covered by
/// <c>IntegratorTokenTests</c>): a missing, wrong or revoked key gets a 401 ProblemDetails saying what to do.
/// </summary>
public sealed class ApiKeyAuthenticationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Actor Admin = new("admin@contoso.com", null);

    [Fact]
    public async Task WhoAmI_WithAValidKey_Answers200WithTheIntegratorRole()
    {
        using var client = Client();
        var created = await CreateKeyAsync("Release pipeline");

        using var response = await WhoAmIAsync(client, created.Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<CallerInfo>();
        Assert.Contains(PortalRoles.Integrator, caller!.Roles);
    }

    [Fact]
    public async Task WhoAmI_WithAValidKeyAndABearerTokenThatIsNot_IsTakenByTheKey()
    {
        using var client = Client();
        var created = await CreateKeyAsync("Key before token");

        using var response = await WhoAmIAsync(client, created.Key, bearer: "not-a-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WhoAmI_WithAWrongKey_Answers401ProblemDetailsSayingTheKeyWasNotAccepted()
    {
        using var client = Client();

        using var response = await WhoAmIAsync(client, "fmk_" + new string('A', 43));

        using var problem = await ProblemAsync(response);
        Assert.Equal("API key not accepted", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("API Keys page", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_WithARevokedKey_Answers401ProblemDetails()
    {
        using var client = Client();
        var created = await CreateKeyAsync("Retired pipeline");
        using (var before = await WhoAmIAsync(client, created.Key))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }
        await portal.Services.GetRequiredService<ApiKeyService>().RevokeAsync(created.Id, Admin, CancellationToken.None);

        using var response = await WhoAmIAsync(client, created.Key);

        using var problem = await ProblemAsync(response);
        Assert.Equal("API key not accepted", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task WhoAmI_WithNeitherKeyNorToken_Answers401ProblemDetailsNamingBothWays()
    {
        using var client = Client();

        using var response = await WhoAmIAsync(client, key: null);

        using var problem = await ProblemAsync(response);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("X-Api-Key", detail, StringComparison.Ordinal);
        Assert.Contains("Bearer", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_OnAPortalEndpoint_SignsNobodyIn()
    {
        using var client = Client();
        var created = await CreateKeyAsync("Not a person");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api-keys");
        request.Headers.Add(ApiKeyAuthentication.HeaderName, created.Key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Key_AuthenticatesAsAnActorNamedForTheKey()
    {
        using var client = Client();
        var created = await CreateKeyAsync("Audit name");
        await using var scope = portal.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers[ApiKeyAuthentication.HeaderName] = created.Key;

        var result = await context.AuthenticateAsync(ApiKeyAuthentication.SchemeName);

        Assert.True(result.Succeeded);
        Assert.Equal(created.Id, ApiKeyClaims.KeyIdOf(result.Principal));
        Assert.Equal(new Actor("API key 'Audit name'", created.Id.ToString()), CurrentActor.Of(result.Principal));
        Assert.Equal([PortalRoles.Integrator], CurrentActor.RolesOf(result.Principal));
    }

    private HttpClient Client() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private async Task<CreatedApiKey> CreateKeyAsync(string name)
    {
        var result = await portal.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, Admin, CancellationToken.None);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return result.Value;
    }

    private static async Task<HttpResponseMessage> WhoAmIAsync(HttpClient client, string? key, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/whoami");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiKeyAuthentication.HeaderName, key);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
