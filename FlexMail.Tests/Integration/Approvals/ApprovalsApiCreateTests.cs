using System.Net;
using FlexMail.Domain.Approvals;
using static FlexMail.Tests.Integration.Approvals.ApprovalsApiPortal;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary><c>POST /api/v1/approvals</c> and <c>GET /api/v1/approvals/{id}</c>: each answer with its status and ProblemDetails.</summary>
public sealed class ApprovalsApiCreateTests(ApprovalsApiPortal api) : IClassFixture<ApprovalsApiPortal>
{
    private const string Path = "/api/v1/approvals";

    [Fact]
    public async Task Create_ValidBody_Answers201WithLocationAndTheView()
    {
        using var response = await api.PostAsync(Path, Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/approvals/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("pending", json.GetProperty("status").GetString());
        Assert.Equal("anyApprover", json.GetProperty("policy").GetString());
        Assert.Equal("markdown", json.GetProperty("detailsFormat").GetString());
        Assert.Equal("api", json.GetProperty("createdVia").GetString());
        Assert.Equal("production", json.GetProperty("metadata").GetProperty("environment").GetString());
        Assert.False(json.TryGetProperty("closedAt", out _), "Nulls are left out.");
        using var read = await api.Api.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var view = await ReadAsync<ApprovalView>(read);
        Assert.Equal(id, view.Id);
        Assert.Equal(["adele@contoso.test", "lee@contoso.test"], view.Approvers.Select(a => a.Address));
    }

    [Fact]
    public async Task Create_SameExternalIdAndBody_Answers200WithTheExistingRequest()
    {
        var externalId = $"run-{Guid.NewGuid():N}";
        var first = await api.CreateAsync(Body(externalId));

        using var again = await api.PostAsync(Path, Body(externalId));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.Id, (await ReadAsync<ApprovalView>(again)).Id);
    }

    [Fact]
    public async Task Create_SameExternalIdOtherBody_Answers409ExternalIdConflict()
    {
        var externalId = $"run-{Guid.NewGuid():N}";
        var first = await api.CreateAsync(Body(externalId));
        var other = Body(externalId);
        other["title"] = "Deploy release 4.3 to production";

        using var response = await api.PostAsync(Path, other);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(ApprovalProblems.ExternalIdConflictCode, problem.GetProperty("code").GetString());
        Assert.Contains(first.Id.ToString(), problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("new external id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidFields_Answers400NamingEachField()
    {
        var body = Body(approvers: ["adele@contoso.test", "not an address"]);
        body["title"] = " ";
        body["requesterEmail"] = "nobody";

        using var response = await api.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await ErrorFieldsAsync(response);
        Assert.Contains(ApprovalFields.Title, fields);
        Assert.Contains(ApprovalFields.ApproverAt(1), fields);
        Assert.Contains(ApprovalFields.RequesterEmail, fields);
        var problem = await JsonAsync(response);
        Assert.Equal("ValidationFailed", problem.GetProperty("code").GetString());
        Assert.Contains("title", problem.GetProperty("errors").GetProperty("title")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_MalformedJson_Answers400NamingTheBody()
    {
        using var response = await api.PostRawAsync(Path, "{\"title\": \"Deploy\", \"approvers\": [");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], await ErrorFieldsAsync(response));
        Assert.Contains("not valid JSON", (await JsonAsync(response)).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"policy\": \"everyone\"", "policy", "\"anyApprover\" or \"quorum\"")]
    [InlineData("\"detailsFormat\": \"html\"", "detailsFormat", "\"text\" or \"markdown\"")]
    [InlineData("\"policy\": 1", "policy", "\"anyApprover\" or \"quorum\"")]
    [InlineData("\"requiredApprovals\": \"two\"", "requiredApprovals", "a whole number")]
    [InlineData("\"expiresAt\": \"tomorrow\"", "expiresAt", "ISO 8601")]
    [InlineData("\"approver\": \"adele@contoso.test\"", "approver", "the fields are title")]
    public async Task Create_UnreadableValue_Answers400NamingTheField(string member, string field, string message)
    {
        using var response = await api.PostRawAsync(Path, $"{{\"title\": \"Deploy\", \"approvers\": [\"adele@contoso.test\"], {member}}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorFieldsAsync(response));
        Assert.Contains(message, (await JsonAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NotJson_Answers400NamingTheBody()
    {
        using var response = await api.Api.PostAsync(Path, new FormUrlEncodedContent([new("title", "Deploy")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Create_CallbackUrlWithABearerToken_Answers400NamingCallbackUrl()
    {
        var body = Body();
        body["callbackUrl"] = "https://pipeline.contoso.test/approvals";

        using var response = await api.PostAsync(Path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([ApprovalFields.CallbackUrl], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Create_WithoutCredentials_Answers401ProblemDetails()
    {
        using var response = await api.Anonymous.PostAsync(Path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownId_Answers404ProblemDetails()
    {
        var id = Guid.NewGuid();

        using var response = await api.Api.GetAsync($"{Path}/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(ApprovalProblems.NotFoundCode, problem.GetProperty("code").GetString());
        Assert.Contains(id.ToString(), problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }
}
