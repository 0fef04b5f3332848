using System.Net;
using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Persistence;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static FlexMail.Tests.Integration.Approvals.ApprovalsApiPortal;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary><c>GET /api/v1/replies</c>, <c>/replies/{id}</c> and <c>/monitor</c>: rows the monitor recorded, filtered and paged; the refusals.</summary>
public sealed class RepliesApiTests(ApprovalsApiPortal api) : IClassFixture<ApprovalsApiPortal>
{
    [Fact]
    public async Task List_PageSizeTwoOfThree_AnswersTwoPagesNewestFirstLinkedByNext()
    {
        var sender = UniqueSender();
        var now = DateTimeOffset.UtcNow;
        var rows = await InsertAsync(Reply(sender, now.AddMinutes(-3)), Reply(sender, now.AddMinutes(-2)), Reply(sender, now.AddMinutes(-1)));

        using var first = await api.Api.GetAsync($"/api/v1/replies?sender={Uri.EscapeDataString(sender)}&pageSize=2");
        var page1 = await JsonAsync(first);
        using var second = await api.Api.GetAsync(page1.GetProperty("next").GetString());
        var page2 = await JsonAsync(second);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((1, 2, 3), (page1.GetProperty("page").GetInt32(), page1.GetProperty("pageSize").GetInt32(), page1.GetProperty("totalCount").GetInt32()));
        var ids = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(rows.Select(r => r.Id).Reverse(), ids);
        Assert.False(page2.TryGetProperty("next", out _), "The last page has no next.");
    }

    [Fact]
    public async Task List_ByOutcomeAndApproval_AnswersOnlyThoseWithKebabCaseNames()
    {
        var sender = UniqueSender();
        var approval = await api.CreateAsync();
        var wanted = Reply(sender, DateTimeOffset.UtcNow, ReplyOutcome.NoDecision, approval.Id);
        await InsertAsync(wanted, Reply(sender, DateTimeOffset.UtcNow, ReplyOutcome.Approved, approval.Id), Reply(sender, DateTimeOffset.UtcNow, ReplyOutcome.NoDecision));

        using var response = await api.Api.GetAsync($"/api/v1/replies?outcome=no-decision&approvalId={approval.Id}");

        var item = Assert.Single((await JsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal(wanted.Id, item.GetProperty("id").GetGuid());
        Assert.Equal("no-decision", item.GetProperty("outcome").GetString());
        Assert.Equal("moved", item.GetProperty("removal").GetString());
        Assert.Equal(approval.Id, item.GetProperty("approvalId").GetGuid());
        Assert.True(item.TryGetProperty("decidedAt", out _));
    }

    [Fact]
    public async Task List_SinceAndUntil_AnswerOnlyRepliesDecidedBetween()
    {
        var sender = UniqueSender();
        var now = DateTimeOffset.UtcNow;
        var inside = Reply(sender, now.AddHours(-2));
        await InsertAsync(Reply(sender, now.AddHours(-5)), inside, Reply(sender, now));

        var since = Uri.EscapeDataString(now.AddHours(-3).ToString("O"));
        var until = Uri.EscapeDataString(now.AddHours(-1).ToString("O"));
        using var response = await api.Api.GetAsync($"/api/v1/replies?sender={Uri.EscapeDataString(sender.ToUpperInvariant())}&since={since}&until={until}");

        var item = Assert.Single((await JsonAsync(response)).GetProperty("items").EnumerateArray());
        Assert.Equal(inside.Id, item.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("outcome=NoDecision", "outcome")]
    [InlineData("approvalId=42", "approvalId")]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=soon", "until")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task List_UnusableQueryValue_Answers400NamingIt(string query, string field)
    {
        using var response = await api.Api.GetAsync($"/api/v1/replies?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Get_Recorded_AnswersTheDetailsWithStepsAndHeaders()
    {
        var reply = Reply(UniqueSender(), DateTimeOffset.UtcNow, ReplyOutcome.Approved);
        reply.MatchedBy = "token in the subject";
        reply.DecisiveLine = "Approve - looks good";
        reply.OwnText = "Approve - looks good";
        reply.Decision = DecisionKind.Approve;
        reply.StepsJson = """[{"name":"classify","verdict":"A person's reply.","milliseconds":1.5}]""";
        reply.HeadersJson = """[{"name":"In-Reply-To","value":"<abc@flexmail>"}]""";
        await InsertAsync(reply);

        using var response = await api.Api.GetAsync($"/api/v1/replies/{reply.Id}");
        var json = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("approved", "approve"), (json.GetProperty("outcome").GetString(), json.GetProperty("decision").GetString()));
        Assert.Equal("token in the subject", json.GetProperty("matchedBy").GetString());
        Assert.Equal("Approve - looks good", json.GetProperty("decisiveLine").GetString());
        Assert.Equal("classify", json.GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.Equal("In-Reply-To", json.GetProperty("headers")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_UnknownId_Answers404ProblemDetails()
    {
        using var response = await api.Api.GetAsync($"/api/v1/replies/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ReplyNotFound", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Monitor_Paused_AnswersStateAsLowerCaseString()
    {
        var control = api.Portal.Get<ReplyMonitorControl>();
        await control.PauseAsync(TestActors.Admin, CancellationToken.None);
        try
        {
            using var response = await api.Api.GetAsync("/api/v1/monitor");
            var json = await JsonAsync(response);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("paused", json.GetProperty("state").GetString());
            Assert.Contains("Paused by", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await control.ResumeAsync(TestActors.Admin, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Monitor_WithAnApiKey_Answers200()
    {
        var created = await api.Portal.Get<ApiKeyService>().CreateAsync("Reply dashboard", TestActors.Admin, CancellationToken.None);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/monitor");
        request.Headers.Add("X-Api-Key", created.Value!.Key);

        using var response = await api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await JsonAsync(response)).TryGetProperty("state", out _));
    }

    [Fact]
    public async Task List_WithoutCredentials_Answers401()
    {
        using var response = await api.Anonymous.GetAsync("/api/v1/replies");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string UniqueSender() => $"approver-{Guid.NewGuid():N}@contoso.test";

    private static ProcessedReply Reply(string sender, DateTimeOffset processedAt, ReplyOutcome outcome = ReplyOutcome.NoDecision, Guid? approvalId = null)
    {
        var key = $"<{Guid.NewGuid():N}@contoso.test>";
        return new ProcessedReply
        {
            MessageKey = key,
            InternetMessageId = key,
            GraphMessageId = $"AAMk{Guid.NewGuid():N}",
            Sender = sender,
            Subject = "RE: Deploy release 4.2 to production",
            ReceivedAt = processedAt.AddSeconds(-5),
            ProcessedAt = processedAt,
            Outcome = outcome,
            Reason = "No approve or reject on the first line.",
            ApprovalRequestId = approvalId,
            Removal = ReplyRemoval.Moved,
        };
    }

    private async Task<IReadOnlyList<ProcessedReply>> InsertAsync(params ProcessedReply[] replies)
    {
        await using var db = await api.Portal.Get<IDbContextFactory<FlexMailDbContext>>().CreateDbContextAsync();
        db.ProcessedReplies.AddRange(replies);
        await db.SaveChangesAsync();
        return replies;
    }
}
