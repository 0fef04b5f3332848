using System.Net;
using FlexMail.Domain.Approvals;
using FlexMail.Portal.Endpoints;
using static FlexMail.Tests.Integration.Approvals.ApprovalsApiPortal;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary>Decisions, cancel and reminders through the API: what ends a request under each policy, and each refusal.</summary>
public sealed class ApprovalsApiDecisionTests(ApprovalsApiPortal api) : IClassFixture<ApprovalsApiPortal>
{
    [Fact]
    public async Task Decide_AnyApprover_TheFirstApprovalApprovesTheRequest()
    {
        var request = await api.CreateAsync();

        using var response = await DecideAsync(request.Id, "LEE@contoso.test", "approve", "Looks good");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await ReadAsync<DecisionRecorded>(response);
        Assert.Equal("lee@contoso.test", recorded.Decision.Approver);
        Assert.Equal(DecisionKind.Approve, recorded.Decision.Decision);
        Assert.Equal(DecisionVia.Api, recorded.Decision.Via);
        Assert.Equal(ApprovalStatus.Approved, recorded.Approval.Status);
        Assert.Contains("lee@contoso.test", recorded.Approval.ClosedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_AnyApprover_ARejectionRejectsTheRequest()
    {
        var request = await api.CreateAsync();

        using var response = await DecideAsync(request.Id, "adele@contoso.test", "reject");

        Assert.Equal(ApprovalStatus.Rejected, (await ReadAsync<DecisionRecorded>(response)).Approval.Status);
    }

    [Fact]
    public async Task Decide_Quorum_StaysPendingUntilTheRequiredApprovals()
    {
        var request = await api.CreateAsync(Body(policy: "quorum", requiredApprovals: 2, approvers: ["a@contoso.test", "b@contoso.test", "c@contoso.test"]));

        using var first = await DecideAsync(request.Id, "a@contoso.test", "approve");
        using var second = await DecideAsync(request.Id, "c@contoso.test", "approve");

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(ApprovalStatus.Pending, (await ReadAsync<DecisionRecorded>(first)).Approval.Status);
        var approved = (await ReadAsync<DecisionRecorded>(second)).Approval;
        Assert.Equal(ApprovalStatus.Approved, approved.Status);
        Assert.Equal(2, approved.Decisions.Count);
    }

    [Fact]
    public async Task Decide_Quorum_SameApproverTwice_Answers409AlreadyDecided()
    {
        var request = await api.CreateAsync(Body(policy: "quorum", approvers: ["a@contoso.test", "b@contoso.test"]));
        using var first = await DecideAsync(request.Id, "a@contoso.test", "approve");

        using var again = await DecideAsync(request.Id, "a@contoso.test", "reject");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ApprovalProblems.AlreadyDecidedCode, await CodeAsync(again));
    }

    [Fact]
    public async Task Decide_ClosedRequest_Answers409ApprovalClosed()
    {
        var request = await api.CreateAsync();
        using var first = await DecideAsync(request.Id, "adele@contoso.test", "approve");

        using var late = await DecideAsync(request.Id, "lee@contoso.test", "reject");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(ApprovalProblems.ClosedCode, await CodeAsync(late));
    }

    [Fact]
    public async Task Decide_NotAnApprover_Answers400NamingApprover()
    {
        var request = await api.CreateAsync();

        using var response = await DecideAsync(request.Id, "mallory@contoso.test", "approve");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([ApprovalFields.Approver], await ErrorFieldsAsync(response));
        Assert.Equal(ApprovalProblems.NotAnApproverCode, await CodeAsync(response));
    }

    [Fact]
    public async Task Decide_MissingFieldsOrUnknownDecision_Answers400NamingThem()
    {
        var request = await api.CreateAsync();

        using var missing = await api.PostRawAsync($"/api/v1/approvals/{request.Id}/decisions", "{}");
        using var unknown = await DecideAsync(request.Id, "lee@contoso.test", "maybe");

        Assert.Equal([ApprovalFields.Approver, ApprovalFields.Decision], (await ErrorFieldsAsync(missing)).Order(StringComparer.Ordinal));
        Assert.Equal([ApprovalFields.Decision], await ErrorFieldsAsync(unknown));
    }

    [Fact]
    public async Task Decide_UnknownRequest_Answers404()
    {
        using var response = await DecideAsync(Guid.NewGuid(), "lee@contoso.test", "approve");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApprovalProblems.NotFoundCode, await CodeAsync(response));
    }

    [Fact]
    public async Task Cancel_Pending_Answers200CancelledWithTheReason_ThenAgain409()
    {
        var request = await api.CreateAsync();

        using var cancelled = await api.PostAsync($"/api/v1/approvals/{request.Id}/cancel", new { reason = "Release withdrawn" });
        using var again = await api.Api.PostAsync($"/api/v1/approvals/{request.Id}/cancel", content: null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = await ReadAsync<ApprovalView>(cancelled);
        Assert.Equal(ApprovalStatus.Cancelled, view.Status);
        Assert.Contains("Release withdrawn", view.ClosedReason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ApprovalProblems.ClosedCode, await CodeAsync(again));
    }

    [Fact]
    public async Task Cancel_WithoutABody_Answers200AndUnknownRequest404()
    {
        var request = await api.CreateAsync();

        using var cancelled = await api.Api.PostAsync($"/api/v1/approvals/{request.Id}/cancel", content: null);
        using var unknown = await api.Api.PostAsync($"/api/v1/approvals/{Guid.NewGuid()}/cancel", content: null);

        Assert.Equal(ApprovalStatus.Cancelled, (await ReadAsync<ApprovalView>(cancelled)).Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Remind_Pending_Answers202WithTheApproversWhoHaveNotDecided()
    {
        var request = await api.CreateAsync(Body(policy: "quorum", approvers: ["a@contoso.test", "b@contoso.test"]));
        using var decided = await DecideAsync(request.Id, "a@contoso.test", "approve");

        using var everyone = await api.Api.PostAsync($"/api/v1/approvals/{request.Id}/reminders", content: null);
        using var one = await api.PostAsync($"/api/v1/approvals/{request.Id}/reminders", new { approver = "B@contoso.test" });
        using var decidedOne = await api.PostAsync($"/api/v1/approvals/{request.Id}/reminders", new { approver = "a@contoso.test" });

        Assert.Equal(HttpStatusCode.Accepted, everyone.StatusCode);
        Assert.Equal($"/api/v1/approvals/{request.Id}", everyone.Headers.Location?.OriginalString);
        Assert.Equal(["b@contoso.test"], (await ReadAsync<RemindersQueued>(everyone)).Reminded);
        Assert.Equal(["b@contoso.test"], (await ReadAsync<RemindersQueued>(one)).Reminded);
        Assert.Equal(HttpStatusCode.Conflict, decidedOne.StatusCode);
        Assert.Equal(ApprovalProblems.AlreadyDecidedCode, await CodeAsync(decidedOne));
    }

    [Fact]
    public async Task Remind_ClosedRequest_Answers409()
    {
        var request = await api.CreateAsync();
        using var cancelled = await api.Api.PostAsync($"/api/v1/approvals/{request.Id}/cancel", content: null);

        using var response = await api.Api.PostAsync($"/api/v1/approvals/{request.Id}/reminders", content: null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ApprovalProblems.ClosedCode, await CodeAsync(response));
    }

    private Task<HttpResponseMessage> DecideAsync(Guid id, string approver, string decision, string? comment = null) =>
        api.PostAsync($"/api/v1/approvals/{id}/decisions", new { approver, decision, comment });

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await JsonAsync(response)).GetProperty("code").GetString();
    }
}
