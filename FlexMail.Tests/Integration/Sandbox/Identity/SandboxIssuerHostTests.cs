using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>
/// The sandbox's issuer is its configured address (<see cref="SandboxBaseAddress"/>), whatever <c>Host</c> a request
/// names: discovery does not reflect it, and Graph takes only tokens of exactly that issuer.
/// </summary>
public sealed class SandboxIssuerHostTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string Evil = "evil.example";

    private string ConfiguredIssuer => SandboxTokenService.Issuer(portal.Get<SandboxBaseAddress>().BaseUrl);

    [Theory]
    [InlineData("contoso.test")]
    [InlineData("organizations")]
    public async Task OpenIdConfiguration_WithAForeignHostHeader_NamesOnlyTheConfiguredAddress(string tenant)
    {
        using var client = portal.Cloud.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, portal.IdentityUrl(tenant, "v2.0/.well-known/openid-configuration"));
        request.Headers.Host = Evil;

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Evil, text, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(text);
        var baseUrl = portal.Get<SandboxBaseAddress>().BaseUrl.ToString().TrimEnd('/');
        Assert.StartsWith(baseUrl, json.RootElement.GetProperty("issuer").GetString());
        Assert.StartsWith(baseUrl, json.RootElement.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task Keys_WithAForeignHostHeader_NameTheConfiguredIssuer()
    {
        using var client = portal.Cloud.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, portal.IdentityUrl(SandboxTenant.Domain, "discovery/v2.0/keys"));
        request.Headers.Host = Evil;

        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(ConfiguredIssuer, json.RootElement.GetProperty("keys")[0].GetProperty("issuer").GetString());
    }

    [Theory]
    [InlineData("https://evil.example/sandbox/login/5a4d7c1e-3b2f-4e8a-9c6d-0f1e2d3c4b5a/v2.0")]
    [InlineData("https://localhost.evil.example/sandbox/login/5a4d7c1e-3b2f-4e8a-9c6d-0f1e2d3c4b5a/v2.0")]
    public async Task Graph_TokenOfAnotherIssuerSignedWithTheSandboxKey_Answers401InvalidAuthenticationToken(string issuer)
    {
        using var client = portal.Cloud.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{portal.Endpoints.GraphBaseUrl.ToString().TrimEnd('/')}/users/svc-flexmail@contoso.test/messages");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(issuer));

        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("InvalidAuthenticationToken", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Graph_TokenOfTheConfiguredIssuer_IsAccepted()
    {
        using var client = portal.Cloud.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{portal.Endpoints.GraphBaseUrl.ToString().TrimEnd('/')}/users/svc-flexmail@contoso.test/messages?$top=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(ConfiguredIssuer));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> TokenAsync(string issuer)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Claims = new Dictionary<string, object>
            {
                ["aud"] = SandboxTenant.GraphResource,
                ["tid"] = SandboxTenant.TenantId.ToString(),
                ["appid"] = Guid.NewGuid().ToString(),
                ["roles"] = new[] { "Mail.Read" },
                ["ver"] = "1.0",
            },
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(await portal.Get<SandboxSigningKeys>().GetAsync(CancellationToken.None), SecurityAlgorithms.RsaSha256),
        });
    }
}
