using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using static FlexMail.Tests.Integration.Approvals.ApprovalsApiPortal;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary>The integrator API's OpenAPI document and its Scalar reference page, for signed-in portal users.</summary>
public sealed partial class ApiReferenceTests(ApprovalsApiPortal api) : IClassFixture<ApprovalsApiPortal>
{
    [Fact]
    public async Task OpenApiDocument_SignedIn_ListsEveryOperationWithItsStatuses()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}")).ToList();
        Assert.Subset(operations.ToHashSet(), new HashSet<string>
        {
            "POST /api/v1/approvals", "GET /api/v1/approvals", "GET /api/v1/approvals/{id}", "POST /api/v1/approvals/{id}/decisions",
            "POST /api/v1/approvals/{id}/cancel", "POST /api/v1/approvals/{id}/reminders", "GET /api/v1/whoami",
            "GET /api/v1/replies", "GET /api/v1/replies/{id}", "POST /api/v1/replies/parse", "GET /api/v1/monitor",
        });
        Assert.All(operations.Where(operation => operation.Contains("/approvals", StringComparison.Ordinal)
            || operation.Contains("/replies", StringComparison.Ordinal) || operation.Contains("/monitor", StringComparison.Ordinal)), operation =>
        {
            var (method, path) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ')[1]);
            Assert.False(string.IsNullOrWhiteSpace(paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()), operation);
            Assert.False(string.IsNullOrWhiteSpace(paths.GetProperty(path).GetProperty(method).GetProperty("description").GetString()), operation);
        });
        Assert.DoesNotContain(operations, operation => operation.Contains("/v1.0/", StringComparison.Ordinal) || operation.Contains("/account", StringComparison.Ordinal));
        var create = paths.GetProperty("/api/v1/approvals").GetProperty("post");
        Assert.Equal(["200", "201", "400", "401", "403", "409"], create.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains("already exists", create.GetProperty("responses").GetProperty("200").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var decide = paths.GetProperty("/api/v1/approvals/{id}/decisions").GetProperty("post");
        Assert.Equal(["200", "400", "401", "403", "404", "409"], decide.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        var parse = paths.GetProperty("/api/v1/replies/parse").GetProperty("post");
        Assert.Equal(["200", "400", "401", "403", "413", "415"], parse.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["message/rfc822", "text/html", "text/plain"],
            parse.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Monitor", paths.GetProperty("/api/v1/monitor").GetProperty("get").GetProperty("tags")[0].GetString());
        Assert.True(paths.GetProperty("/api/v1/approvals/{id}/reminders").GetProperty("post").GetProperty("responses").TryGetProperty("202", out _));
    }

    [Fact]
    public async Task OpenApiDocument_SignedIn_DescribesBothSecuritySchemesAndEnumsAsStrings()
    {
        var document = await DocumentAsync();

        var components = document.GetProperty("components");
        var apiKey = components.GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (apiKey.GetProperty("type").GetString(), apiKey.GetProperty("in").GetString(), apiKey.GetProperty("name").GetString()));
        var bearer = components.GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        Assert.Equal(["ApiKey", "Bearer"], document.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).Order(StringComparer.Ordinal));
        var text = document.GetRawText();
        Assert.Contains("\"anyApprover\"", text, StringComparison.Ordinal);
        Assert.Contains("\"markdown\"", text, StringComparison.Ordinal);
        Assert.Contains("\"pending\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_Anonymous_Answers401()
    {
        using var response = await api.Anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ScalarPage_SignedIn_Answers200WithItsScriptsAllowedByNonce()
    {
        using var alex = await api.Portal.SignInAsync(SandboxSeed.AlexWilber);

        using var redirect = await alex.Client.GetAsync(new Uri(api.Portal.HttpsAddress, "/scalar"));
        using var response = redirect.Headers.Location is { } location
            ? await alex.Client.GetAsync(new Uri(new Uri(api.Portal.HttpsAddress, "/scalar"), location))
            : redirect;
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("FlexMail integrator API", html, StringComparison.Ordinal);
        var nonces = Nonce().Matches(html).Select(match => match.Groups["nonce"].Value).Distinct().ToList();
        var nonce = Assert.Single(nonces);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"'nonce-{nonce}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScalarPage_Anonymous_IsSentToSignIn()
    {
        using var browser = new Support.Sandbox.SandboxSignIn(api.Portal);
        browser.Client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var step = await browser.GetAsync(new Uri(api.Portal.HttpsAddress, "/scalar"));

        Assert.Equal(HttpStatusCode.Redirect, step.Status);
        Assert.EndsWith("/oauth2/v2.0/authorize", step.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var megan = await api.Portal.SignInAsync(SandboxSeed.MeganBowen);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api.Portal.HttpsAddress, "/openapi/v1.json"));
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await megan.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).Clone();
    }

    [GeneratedRegex("<script[^>]*\\snonce=\"(?<nonce>[^\"]+)\"")]
    private static partial Regex Nonce();
}
