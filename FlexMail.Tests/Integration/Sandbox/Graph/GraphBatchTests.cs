using System.Net;
using System.Text;
using System.Text.Json;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace FlexMail.Tests.Integration.Sandbox.Graph;

public sealed class GraphBatchTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxGraph _graph = new(portal);

    [Fact]
    public async Task Batch_OfThreeRequestsThroughTheSdk_AnswersEachStep()
    {
        var client = await _graph.ServiceUserAsync();
        var batch = new BatchRequestContentCollection(client);
        var me = await batch.AddBatchRequestStepAsync(client.Me.ToGetRequestInformation());
        var inbox = await batch.AddBatchRequestStepAsync(client.Users["approvals@contoso.test"].MailFolders["inbox"].ToGetRequestInformation());
        var missing = await batch.AddBatchRequestStepAsync(client.Me.Messages["AAMkADnothere"].ToGetRequestInformation());

        var responses = await client.Batch.PostAsync(batch);

        Assert.Equal("svc-flexmail@contoso.test", (await responses.GetResponseByIdAsync<User>(me)).UserPrincipalName);
        Assert.Equal("Inbox", (await responses.GetResponseByIdAsync<MailFolder>(inbox)).DisplayName);
        var codes = await responses.GetResponsesStatusCodesAsync();
        Assert.Equal(HttpStatusCode.NotFound, codes[missing]);
    }

    [Fact]
    public async Task Batch_WithRelativeUrlsAndADependency_RunsInOrder()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        const string body = """
            {"requests":[
              {"id":"1","method":"GET","url":"/users/nobody@contoso.test/messages"},
              {"id":"2","method":"GET","url":"/me/messages?$top=1&$select=subject","dependsOn":["1"]},
              {"id":"3","method":"GET","url":"me/mailFolders/inbox/messages?$top=1&$select=subject"}
            ]}
            """;

        using var response = await _graph.Http(token).PostAsync(_graph.Url("$batch"), new StringContent(body, Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statuses = document.RootElement.GetProperty("responses").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("status").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["1"] = 404, ["2"] = 424, ["3"] = 200 }, statuses);
    }

    [Fact]
    public async Task Batch_OfTwentyOneRequests_IsBadRequest()
    {
        var token = await _graph.DelegatedTokenAsync(SandboxSeed.ServiceUser, SandboxGraph.ServiceScopes);
        var steps = Enumerable.Range(1, 21).Select(i => new { id = i.ToString(), method = "GET", url = "/me" });
        var body = JsonSerializer.Serialize(new { requests = steps });

        using var response = await _graph.Http(token).PostAsync(_graph.Url("$batch"), new StringContent(body, Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", document.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
