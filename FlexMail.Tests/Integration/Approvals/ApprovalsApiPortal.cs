using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlexMail.Domain.Approvals;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary>
/// The portal on Kestrel with an integrator: a sandbox client application granted FlexMail.Integrator, whose Entra
/// access token every call of <see cref="Api"/> sends, as a pipeline would.
/// </summary>
public sealed class ApprovalsApiPortal : IAsyncLifetime
{
    private SandboxSignIn? _integrator;
    private SandboxSignIn? _anonymous;

    public KestrelPortal Portal { get; } = new();

    /// <summary>Sends the integrator's bearer token.</summary>
    public HttpClient Api => _integrator!.Client;

    /// <summary>Sends no credentials.</summary>
    public HttpClient Anonymous => _anonymous!.Client;

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        var pipeline = await SandboxTestApp.CreateAsync(Portal, [], []);
        var apps = Portal.Get<SandboxAppRegistrations>();
        await apps.SetApiPermissionsAsync(pipeline.ClientId,
            [new SandboxApiRolePermission(SandboxPortalSignIn.ClientId, SandboxSeedApps.Integrator.Id)], CancellationToken.None);
        await apps.GrantAdminConsentAsync(pipeline.ClientId, CancellationToken.None);
        var token = await new MsalFactory(Portal).Create(pipeline).AcquireTokenForClient([$"api://{SandboxPortalSignIn.ClientId}/.default"]).ExecuteAsync();
        _integrator = new SandboxSignIn(Portal);
        _integrator.Client.BaseAddress = Portal.HttpsAddress;
        _integrator.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        _integrator.Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _anonymous = new SandboxSignIn(Portal);
        _anonymous.Client.BaseAddress = Portal.HttpsAddress;
    }

    /// <summary>POSTs <paramref name="body"/> as the API's JSON (camelCase, enums as strings).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body) =>
        Api.PostAsync(path, JsonContent.Create(body, body.GetType(), options: ApprovalJson.Options));

    /// <summary>POSTs this exact text as <c>application/json</c>.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Api.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Creates a request (any-approver, two approvers unless told) and answers its view.</summary>
    public async Task<ApprovalView> CreateAsync(object? body = null)
    {
        using var response = await PostAsync("/api/v1/approvals", body ?? Body());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<ApprovalView>(response);
    }

    /// <summary>A valid creation body.</summary>
    public static Dictionary<string, object?> Body(string? externalId = null, string policy = "anyApprover", int? requiredApprovals = null,
        params string[] approvers) => new()
    {
        ["title"] = "Deploy release 4.2 to production",
        ["details"] = "Release **4.2**: the new billing screens.",
        ["detailsFormat"] = "markdown",
        ["approvers"] = approvers.Length == 0 ? new[] { "adele@contoso.test", "lee@contoso.test" } : approvers,
        ["policy"] = policy,
        ["requiredApprovals"] = requiredApprovals,
        ["externalId"] = externalId,
        ["metadata"] = new Dictionary<string, string> { ["environment"] = "production", ["release"] = "4.2" },
        ["requestedBy"] = "Pipeline run 1234",
    };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(ApprovalJson.Options) ?? throw new InvalidOperationException("The answer was null.");

    /// <summary>The answer as JSON, to read its exact names and values.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The field names of a ValidationProblemDetails' <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await JsonAsync(response);
        return [.. json.GetProperty("errors").EnumerateObject().Select(property => property.Name)];
    }

    public async Task DisposeAsync()
    {
        _integrator?.Dispose();
        _anonymous?.Dispose();
        await Portal.DisposeAsync();
    }
}
