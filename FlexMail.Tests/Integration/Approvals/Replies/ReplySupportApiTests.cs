using System.Net;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using static FlexMail.Tests.Integration.Approvals.ApprovalsApiPortal;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary><c>POST /api/v1/replies/{id}/record-decision</c>, <c>/reprocess</c> and <c>/dismiss</c>: the answers and the refusals.</summary>
public sealed class ReplySupportApiTests(ApprovalsApiPortal api) : IClassFixture<ApprovalsApiPortal>
{
    [Fact]
    public async Task RecordDecision_NoDecisionReply_Answers200AndTheRequestIsApproved()
    {
        var approval = await api.CreateAsync();
        var row = await InsertAsync(ReplyOutcome.NoDecision, approval.Id, await ApproverIdAsync(approval.Id, "adele@contoso.test"));

        using var response = await api.PostAsync($"/api/v1/replies/{row.Id}/record-decision",
            new { decision = "approve", comment = "Fine by me", reason = "Confirmed on the phone" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(("decided", "approve", "Confirmed on the phone"),
            (json.GetProperty("resolution").GetString(), json.GetProperty("decision").GetString(), json.GetProperty("resolutionReason").GetString()));
        using var read = await api.Api.GetAsync($"/api/v1/approvals/{approval.Id}");
        Assert.Equal("approved", (await JsonAsync(read)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Dismiss_NoDecisionReply_Answers200Dismissed()
    {
        var row = await InsertAsync(ReplyOutcome.NoDecision);

        using var response = await api.PostAsync($"/api/v1/replies/{row.Id}/dismiss", new { reason = "Answered in Teams" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dismissed", (await JsonAsync(response)).GetProperty("resolution").GetString());
    }

    [Fact]
    public async Task Dismiss_ApprovedReply_Answers409WithTheReason()
    {
        var row = await InsertAsync(ReplyOutcome.Approved);

        using var response = await api.PostAsync($"/api/v1/replies/{row.Id}/dismiss", new { reason = "Tidy up" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(ReplySupportProblems.NotApplicableCode, json.GetProperty("code").GetString());
        Assert.Contains("nothing to dismiss", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reprocess_ApprovedReply_Answers409()
    {
        var row = await InsertAsync(ReplyOutcome.Approved);

        using var response = await api.PostAsync($"/api/v1/replies/{row.Id}/reprocess", new { reason = "Look again" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ReplySupportProblems.NotApplicableCode, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("dismiss", "{}", "reason")]
    [InlineData("reprocess", "{\"reason\":\"  \"}", "reason")]
    [InlineData("record-decision", "{\"reason\":\"Phone\"}", "decision")]
    [InlineData("record-decision", "{\"decision\":\"approve\"}", "reason")]
    public async Task Actions_MissingField_Answer400NamingIt(string action, string body, string field)
    {
        var row = await InsertAsync(ReplyOutcome.NoDecision);

        using var response = await api.PostRawAsync($"/api/v1/replies/{row.Id}/{action}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"errors names {field}");
    }

    [Fact]
    public async Task Dismiss_UnknownReply_Answers404ReplyNotFound()
    {
        using var response = await api.PostAsync($"/api/v1/replies/{Guid.NewGuid()}/dismiss", new { reason = "Tidy up" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ReplySupportProblems.NotFoundCode, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    private async Task<Guid> ApproverIdAsync(Guid requestId, string address)
    {
        await using var db = await api.Portal.Get<IDbContextFactory<FlexMailDbContext>>().CreateDbContextAsync();
        return await db.ApprovalApprovers.Where(a => a.ApprovalRequestId == requestId && a.NormalizedAddress == address).Select(a => a.Id).SingleAsync();
    }

    private async Task<ProcessedReply> InsertAsync(ReplyOutcome outcome, Guid? approvalId = null, Guid? approverId = null)
    {
        var key = $"<{Guid.NewGuid():N}@contoso.test>";
        var row = new ProcessedReply
        {
            MessageKey = key,
            InternetMessageId = key,
            GraphMessageId = $"AAMk{Guid.NewGuid():N}",
            Sender = "adele@contoso.test",
            ProcessedAt = DateTimeOffset.UtcNow,
            Outcome = outcome,
            Reason = "No approve or reject on the first line.",
            ApprovalRequestId = approvalId,
            ApproverId = approverId,
            Removal = ReplyRemoval.Moved,
        };
        await using var db = await api.Portal.Get<IDbContextFactory<FlexMailDbContext>>().CreateDbContextAsync();
        db.ProcessedReplies.Add(row);
        await db.SaveChangesAsync();
        return row;
    }
}
