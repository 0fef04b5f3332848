using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Integration.Sandbox.Faults;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

/// <summary>Many callers acting on one message at once get Graph's answers (success or a Graph error), never a 500.</summary>
public sealed class GraphConcurrencyTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string Mailbox = "diego.siciliani@contoso.test";
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task Message_MovedDeletedAndPatchedConcurrently_EveryAnswerIsSuccessOrAGraphError()
    {
        var subject = $"Contended {Guid.NewGuid():N}";
        await _graph.DeliverAsync(SandboxSeed.DiegoSiciliani, subject);
        var (restId, immutableId) = await FindAsync(subject);
        // Six applications, four requests each: Outlook's concurrency budget (4 per app and mailbox) is not what is tested.
        var tokens = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AppTokenAsync()));
        using var http = portal.Cloud.CreateHttpClient();

        var requests = Enumerable.Range(0, 24).Select(i => Request(i, tokens[i % tokens.Length], i % 2 == 0 ? restId : immutableId, immutable: i % 2 == 1));
        var responses = await Task.WhenAll(requests.Select(http.SendAsync));

        foreach (var response in responses)
        {
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{response.RequestMessage!.Method} answered {status}: {await response.Content.ReadAsStringAsync()}");
            if (!response.IsSuccessStatusCode)
            {
                Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
                var error = await GraphFaultsKit.ReadGraphErrorAsync(response);
                Assert.Contains(error.Code, new[] { "ErrorItemNotFound", "ApplicationThrottled" });
            }
        }
        Assert.Contains(responses, r => r.IsSuccessStatusCode);
    }

    private HttpRequestMessage Request(int i, string token, string id, bool immutable)
    {
        var url = _graph.Url($"users/{Mailbox}/messages/{id}");
        var request = (i % 3) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Post, new Uri($"{url}/move"))
            {
                Content = new StringContent("""{"destinationId":"archive"}""", Encoding.UTF8, "application/json"),
            },
            1 => new HttpRequestMessage(HttpMethod.Delete, url),
            _ => new HttpRequestMessage(HttpMethod.Patch, url)
            {
                Content = new StringContent("""{"isRead":true}""", Encoding.UTF8, "application/json"),
            },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (immutable)
        {
            request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        }
        return request;
    }

    private async Task<(string RestId, string ImmutableId)> FindAsync(string subject)
    {
        using var http = _graph.Http(await AppTokenAsync());
        var filter = Uri.EscapeDataString($"subject eq '{subject}'");
        var rest = await http.GetStringAsync(_graph.Url($"users/{Mailbox}/messages?$filter={filter}&$select=id"));
        var request = new HttpRequestMessage(HttpMethod.Get, _graph.Url($"users/{Mailbox}/messages?$filter={filter}&$select=id"));
        request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        var immutable = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
        return (Id(rest), Id(immutable));
    }

    private static string Id(string collection)
    {
        using var json = JsonDocument.Parse(collection);
        return json.RootElement.GetProperty("value")[0].GetProperty("id").GetString()!;
    }

    private Task<string> AppTokenAsync() => portal.Get<SandboxTokenService>().IssueAccessTokenAsync(portal.Get<SandboxBaseAddress>().BaseUrl,
        new SandboxAccessToken(SandboxTenant.TenantId, Guid.NewGuid(), "Concurrency test", null, null, [], ["Mail.ReadWrite"]), CancellationToken.None);
}
