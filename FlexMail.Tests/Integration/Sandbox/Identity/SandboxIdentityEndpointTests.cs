using System.Net;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>Discovery, keys and the token endpoint's error body, read as raw HTTP.</summary>
public sealed class SandboxIdentityEndpointTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task OpenIdConfiguration_NamesIssuerAndEndpointsAtTheRequestedHost()
    {
        using var client = portal.Cloud.CreateHttpClient();
        var authority = portal.Authority(SandboxTenant.TenantId.ToString());

        using var document = JsonDocument.Parse(await client.GetStringAsync($"{authority}/v2.0/.well-known/openid-configuration"));

        var root = document.RootElement;
        Assert.Equal($"{authority}/v2.0", root.GetProperty("issuer").GetString());
        Assert.Equal($"{authority}/oauth2/v2.0/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{authority}/oauth2/v2.0/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{authority}/discovery/v2.0/keys", root.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{authority}/oauth2/v2.0/logout", root.GetProperty("end_session_endpoint").GetString());
        Assert.Contains("code", root.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Keys_ValidateTheSignatureOfIssuedTokens()
    {
        using var client = portal.Cloud.CreateHttpClient();
        var authority = portal.Authority(SandboxTenant.Domain);
        var keys = new JsonWebKeySet(await client.GetStringAsync($"{authority}/discovery/v2.0/keys"));
        var token = await portal.Get<SandboxTokenService>().IssueIdTokenAsync(portal.Endpoints.AuthorityHost, Guid.NewGuid(),
            SandboxSeed.AdeleVance.Id, SandboxSeed.AdeleVance.UserPrincipalName, "Adele Vance", null, [], CancellationToken.None);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateAudience = false,
            ValidateIssuer = false,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task OpenIdConfiguration_ForUnknownTenant_AnswersAadsts90002Json()
    {
        using var client = portal.Cloud.CreateHttpClient();

        using var response = await client.GetAsync(portal.IdentityUrl("fabrikam.test", "v2.0/.well-known/openid-configuration"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(90002, document.RootElement.GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task TokenEndpoint_WrongSecret_AnswersEntrasErrorBodyWithTheCorrelationId()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"]);
        using var client = portal.Cloud.CreateHttpClient();
        var correlation = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, portal.IdentityUrl(SandboxTenant.TenantId.ToString(), "oauth2/v2.0/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = app.ClientId.ToString(),
                ["client_secret"] = "wrong",
                ["scope"] = "https://graph.microsoft.com/.default",
            }),
        };
        request.Headers.Add("client-request-id", correlation);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal("invalid_client", root.GetProperty("error").GetString());
        Assert.Equal([7000215], root.GetProperty("error_codes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(correlation, root.GetProperty("correlation_id").GetString());
        var description = root.GetProperty("error_description").GetString()!;
        Assert.StartsWith("AADSTS7000215: Invalid client secret provided.", description, StringComparison.Ordinal);
        Assert.Contains($"Trace ID: {root.GetProperty("trace_id").GetString()} Correlation ID: {correlation} Timestamp: ", description, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$", root.GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task TokenEndpoint_ClientSecretBasic_IssuesAppToken()
    {
        var app = await SandboxTestApp.CreateAsync(portal, [], ["Mail.Send"], adminConsent: true);
        using var client = portal.Cloud.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, portal.IdentityUrl(SandboxTenant.Domain, "oauth2/v2.0/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = "https://graph.microsoft.com/.default",
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{app.ClientId}:{Uri.EscapeDataString(app.Secret)}")));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", document.RootElement.GetProperty("token_type").GetString());
        Assert.Equal(4500, document.RootElement.GetProperty("expires_in").GetInt32());
        Assert.False(document.RootElement.TryGetProperty("refresh_token", out _));
        Assert.Equal("Mail.Send", new JsonWebToken(document.RootElement.GetProperty("access_token").GetString()).GetClaim("roles").Value);
    }
}
