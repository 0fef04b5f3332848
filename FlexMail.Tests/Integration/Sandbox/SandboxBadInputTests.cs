using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Integration.Sandbox.Graph;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FlexMail.Tests.Integration.Sandbox;

/// <summary>
/// Bad input to the sandbox's identity platform and Graph gets the service's own error (Entra's JSON with an
/// <c>error</c>, Graph's <c>{"error":{"code"}}</c>, or the portal's 413 ProblemDetails for a body over its limit), never a 500.
/// </summary>
public sealed class SandboxBadInputTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string Mailbox = "users/svc-flexmail@contoso.test";
    private readonly SandboxGraph _graph = new(portal);

    /// <summary>Case name, expected status, expected error (Entra's <c>error</c>, Graph's <c>error.code</c>, or "problem").</summary>
    public static TheoryData<string, int, string> Cases => new()
    {
        { "client assertion x5t not base64", 401, "invalid_client" },
        { "client assertion x5t#S256 not base64", 401, "invalid_client" },
        // The portal refuses a body over its 1 MiB limit before the token endpoint reads it (Entra's own front door
        // answers an oversized request with a bare 413 too, not an AADSTS error).
        { OversizedCase, 413, "problem" },
        { "$orderby empty", 400, "BadRequest" },
        { "$orderby blank", 400, "BadRequest" },
        { "$batch body \"x\"", 400, "BadRequest" },
        { "$batch step with an empty $orderby", 400, "BadRequest" },
        { "$batch step id not a string", 400, "BadRequest" },
        { "token without tid", 401, "InvalidAuthenticationToken" },
        { "token with a non-GUID appid", 401, "InvalidAuthenticationToken" },
        { "token with a non-GUID oid", 401, "InvalidAuthenticationToken" },
        { "sendMail with a numeric body", 400, "RequestBodyRead" },
        { "sendMail with a numeric body content", 400, "RequestBodyRead" },
        { "sendMail to a recipient that is not an address", 400, "ErrorInvalidRecipients" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_AnyCase_AnswersTheServicesOwnError(string name, int status, string code)
    {
        using var http = name == OversizedCase ? PatientClient() : portal.Cloud.CreateHttpClient();
        using var request = await RequestAsync(name);

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        var (actualStatus, actualCode) = name.StartsWith("$batch step", StringComparison.Ordinal) && response.IsSuccessStatusCode
            ? Step(text)
            : ((int)response.StatusCode, Code(response, text));
        Assert.True(actualStatus == status && actualCode == code, $"{name}: expected {status} {code}, got {(int)response.StatusCode}: {text}");
    }

    private async Task<HttpRequestMessage> RequestAsync(string name) => name switch
    {
        "client assertion x5t not base64" => Token(Assertion("x5t")),
        "client assertion x5t#S256 not base64" => Token(Assertion("x5t#S256")),
        OversizedCase => Oversized(Token(new('a', 5 * 1024 * 1024))),
        "$orderby empty" => Graph(HttpMethod.Get, $"{Mailbox}/messages?$orderby=", null, await AppTokenAsync()),
        "$orderby blank" => Graph(HttpMethod.Get, $"{Mailbox}/messages?$orderby=%20%20", null, await AppTokenAsync()),
        "$batch body \"x\"" => Graph(HttpMethod.Post, "$batch", "\"x\"", await AppTokenAsync()),
        "$batch step with an empty $orderby" => Graph(HttpMethod.Post, "$batch",
            $$"""{"requests":[{"id":"1","method":"GET","url":"/{{Mailbox}}/messages?$orderby="}]}""", await AppTokenAsync()),
        "$batch step id not a string" => Graph(HttpMethod.Post, "$batch",
            $$"""{"requests":[{"id":1,"method":"GET","url":"/{{Mailbox}}/messages"}]}""", await AppTokenAsync()),
        "token without tid" => Graph(HttpMethod.Get, $"{Mailbox}/messages", null, await ForgedAsync(c => c.Remove("tid"))),
        "token with a non-GUID appid" => Graph(HttpMethod.Get, $"{Mailbox}/messages", null, await ForgedAsync(c => c["appid"] = "not-a-guid")),
        "token with a non-GUID oid" => Graph(HttpMethod.Get, "me/messages", null, await ForgedAsync(c =>
        {
            c["scp"] = "Mail.Read";
            c["oid"] = "not-a-guid";
        })),
        "sendMail with a numeric body" => Graph(HttpMethod.Post, $"{Mailbox}/sendMail",
            """{"message":{"subject":"x","body":42,"toRecipients":[{"emailAddress":{"address":"adele.vance@contoso.test"}}]}}""", await SendTokenAsync()),
        "sendMail with a numeric body content" => Graph(HttpMethod.Post, $"{Mailbox}/sendMail",
            """{"message":{"subject":"x","body":{"contentType":"text","content":42},"toRecipients":[{"emailAddress":{"address":"adele.vance@contoso.test"}}]}}""",
            await SendTokenAsync()),
        "sendMail to a recipient that is not an address" => Graph(HttpMethod.Post, $"{Mailbox}/sendMail",
            """{"message":{"subject":"x","body":{"contentType":"text","content":"hi"},"toRecipients":[{"emailAddress":{"address":"not an address"}}]}}""",
            await SendTokenAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such case."),
    };

    private HttpRequestMessage Token(string clientAssertion) => new(HttpMethod.Post, portal.IdentityUrl(SandboxTenant.Domain, "oauth2/v2.0/token"))
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SandboxSeedApps.PipelineClientId.ToString(),
            ["scope"] = "https://graph.microsoft.com/.default",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = clientAssertion,
        }),
    };

    // The portal answers before the body is sent (it announces its length); the client waits for that answer.
    private const string OversizedCase = "token request with a 5 MB form field";

    /// <summary>
    /// A client that waits for the portal's answer to <c>Expect: 100-continue</c> as long as a test may take: with the
    /// default second, a busy machine starts sending the 5 MB body before the 413 arrives, and the portal closing the
    /// connection on it is then a broken pipe instead of the answer this test reads. It trusts exactly the portal's certificate.
    /// </summary>
    private HttpClient PatientClient()
    {
        var certificate = portal.Get<Portal.Hosting.LocalHttpsCertificateInfo>().Certificate;
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(2) };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        return new HttpClient(handler);
    }

    private static HttpRequestMessage Oversized(HttpRequestMessage request)
    {
        request.Headers.ExpectContinue = true;
        return request;
    }

    // A JWT whose thumbprint header is not base64url: it names no certificate.
    private static string Assertion(string thumbprintHeader)
    {
        static string Part(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
        var header = new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", [thumbprintHeader] = "***not base64***" };
        var payload = new { iss = SandboxSeedApps.PipelineClientId, sub = SandboxSeedApps.PipelineClientId, jti = Guid.NewGuid() };
        return $"{Part(header)}.{Part(payload)}.{Base64UrlEncoder.Encode("signature")}";
    }

    private HttpRequestMessage Graph(HttpMethod method, string relative, string? json, string token)
    {
        var request = new HttpRequestMessage(method, _graph.Url(relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return request;
    }

    private Task<string> AppTokenAsync() => _graph.ApplicationTokenAsync("Mail.ReadWrite");

    private Task<string> SendTokenAsync() => _graph.ApplicationTokenAsync("Mail.Send");

    // Signed with the sandbox's own key, so only the claims are wrong.
    private async Task<string> ForgedAsync(Action<Dictionary<string, object>> change)
    {
        var claims = new Dictionary<string, object>
        {
            ["aud"] = SandboxTenant.GraphResource,
            ["tid"] = SandboxTenant.TenantId.ToString(),
            ["appid"] = Guid.NewGuid().ToString(),
            ["roles"] = new[] { "Mail.ReadWrite" },
            ["ver"] = "1.0",
        };
        change(claims);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SandboxTokenService.Issuer(portal.Get<SandboxBaseAddress>().BaseUrl),
            Claims = claims,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(await portal.Get<SandboxSigningKeys>().GetAsync(CancellationToken.None), SecurityAlgorithms.RsaSha256),
        });
    }

    private static string Code(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            return "problem";
        }
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error");
        return error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetProperty("code").GetString()!;
    }

    private static (int Status, string Code) Step(string batch)
    {
        using var json = JsonDocument.Parse(batch);
        var step = json.RootElement.GetProperty("responses")[0];
        return (step.GetProperty("status").GetInt32(), step.GetProperty("body").GetProperty("error").GetProperty("code").GetString()!);
    }
}
