using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Support;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Serialization.Json;

namespace FlexMail.Tests.Integration.Sandbox.Faults;

/// <summary>Tokens and requests against one portal's sandbox Graph for the fault tests, and a way back to the default faults.</summary>
internal sealed class GraphFaultsKit(KestrelPortal portal) : IDisposable
{
    private readonly HttpClient _client = portal.Cloud.CreateHttpClient();

    public SandboxFaults Faults => portal.Get<SandboxFaults>();

    public Task<string> AppTokenAsync(Guid appId) => IssueAsync(new SandboxAccessToken(SandboxTenant.TenantId, appId, "Faults test", null, null, [],
        ["Mail.ReadWrite", "Mail.Send"]));

    public Task<string> UserTokenAsync(Guid appId) => IssueAsync(new SandboxAccessToken(SandboxTenant.TenantId, appId, "Faults test",
        SandboxSeed.ServiceUser.Id, SandboxSeed.ServiceUser.UserPrincipalName, ["Mail.ReadWrite", "Mail.Send"], []));

    public Task<HttpResponseMessage> GetAsync(string relativeUrl, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url(relativeUrl));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return _client.SendAsync(request);
    }

    public Task<HttpResponseMessage> BatchAsync(string token, params string[] relativeUrls)
    {
        var body = JsonSerializer.Serialize(new
        {
            requests = relativeUrls.Select((url, i) => new { id = (i + 1).ToString(), method = "GET", url }),
        });
        var request = new HttpRequestMessage(HttpMethod.Post, Url("$batch"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request);
    }

    public async Task SetAsync(SandboxFaultSettings settings)
    {
        var result = await Faults.UpdateAsync(settings, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
    }

    /// <summary>The default faults (Outlook's real limits, no 503, no latency) and fresh counters.</summary>
    public async Task ResetAsync()
    {
        await SetAsync(new SandboxFaultSettings());
        portal.Get<SandboxMailboxThrottle>().Clear();
    }

    /// <summary>The body read with the Graph SDK's own error model: every property it sends must be one Graph defines.</summary>
    public static async Task<MainError> ReadGraphErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = new JsonParseNode(json.RootElement).GetObjectValue(ODataError.CreateFromDiscriminatorValue)!;
        Assert.Empty(error.AdditionalData);
        Assert.NotNull(error.Error);
        Assert.Empty(error.Error.AdditionalData);
        Assert.NotNull(error.Error.InnerError);
        Assert.Empty(error.Error.InnerError.AdditionalData);
        Assert.False(string.IsNullOrEmpty(error.Error.InnerError.RequestId));
        return error.Error;
    }

    public static int RetryAfterSeconds(HttpResponseMessage response) =>
        (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;

    public void Dispose() => _client.Dispose();

    private Uri Url(string relativeUrl) => new($"{portal.Endpoints.GraphBaseUrl.ToString().TrimEnd('/')}/{relativeUrl.TrimStart('/')}");

    private Task<string> IssueAsync(SandboxAccessToken token) =>
        portal.Get<SandboxTokenService>().IssueAccessTokenAsync(portal.Get<SandboxBaseAddress>().BaseUrl, token, CancellationToken.None);
}
