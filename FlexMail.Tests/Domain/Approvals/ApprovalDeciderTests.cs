using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Approvals;

/// <summary>Decisions: once per approver, closing the request per its policy, never after it closed.</summary>
public sealed class ApprovalDeciderTests : IAsyncLifetime
{
    private const string Adele = "adele.vance@contoso.test";
    private const string Alex = "alex.wilber@contoso.test";
    private const string Megan = "megan.bowen@contoso.test";

    private ApprovalTestDomain _approvals = null!;

    public async Task InitializeAsync() => _approvals = await ApprovalTestDomain.CreateAsync();

    public async Task DisposeAsync() => await _approvals.DisposeAsync();

    private static ApprovalRequestDraft Quorum(int required) =>
        ApprovalTestDomain.Draft(Adele, Alex, Megan) with { Policy = ApprovalPolicy.Quorum, RequiredApprovals = required };

    [Theory]
    [InlineData(DecisionKind.Approve, ApprovalStatus.Approved, "Approved by adele.vance@contoso.test.")]
    [InlineData(DecisionKind.Reject, ApprovalStatus.Rejected, "Rejected by adele.vance@contoso.test.")]
    public async Task DecideAsync_AnyApprover_FirstDecisionClosesTheRequest(DecisionKind decision, ApprovalStatus expected, string reason)
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex));
        _approvals.Clock.Advance(TimeSpan.FromMinutes(10));

        var decided = await _approvals.Decider.DecideAsync(id, new DecisionCommand("ADELE.Vance@contoso.test", decision, "  Looks good  "),
            ApprovalTestDomain.Api, CancellationToken.None);

        Assert.True(decided.Succeeded, decided.Problem?.ToString());
        Assert.Equal(Adele, decided.Value.Approver);
        Assert.Equal("Looks good", decided.Value.Comment);
        var view = await _approvals.ViewAsync(id);
        Assert.Equal(expected, view.Status);
        Assert.Equal(reason, view.ClosedReason);
        Assert.Equal(ApprovalTestDomain.Start.AddMinutes(10), view.ClosedAt);
        Assert.Equal(decision, view.Approvers[0].Decision);
        Assert.Null(view.Approvers[1].Decision);
    }

    [Fact]
    public async Task DecideAsync_AfterTheRequestClosed_IsRefusedAsClosed()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex));
        await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);

        var late = await _approvals.DecideAsync(id, Alex, DecisionKind.Reject);
        var again = await _approvals.DecideAsync(id, Adele, DecisionKind.Reject);

        Assert.Equal(ApprovalProblems.ClosedCode, late.Problem?.Code);
        Assert.Contains("already approved (Approved by adele.vance@contoso.test.)", late.Problem?.Cause);
        Assert.Equal(ApprovalProblems.ClosedCode, again.Problem?.Code);
        Assert.Equal(ApprovalStatus.Approved, (await _approvals.ViewAsync(id)).Status);
    }

    [Fact]
    public async Task DecideAsync_QuorumTwoOfThree_ApproveApproveApproves()
    {
        var id = await _approvals.CreateAsync(Quorum(2));

        var first = await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);
        var afterFirst = await _approvals.ViewAsync(id);
        var second = await _approvals.DecideAsync(id, Megan, DecisionKind.Approve);
        var third = await _approvals.DecideAsync(id, Alex, DecisionKind.Approve);

        Assert.True(first.Succeeded);
        Assert.Equal(ApprovalStatus.Pending, afterFirst.Status);
        Assert.True(second.Succeeded);
        var view = await _approvals.ViewAsync(id);
        Assert.Equal(ApprovalStatus.Approved, view.Status);
        Assert.Equal("2 of 3 approvers approved; the last was megan.bowen@contoso.test.", view.ClosedReason);
        Assert.Equal(ApprovalProblems.ClosedCode, third.Problem?.Code);
    }

    [Fact]
    public async Task DecideAsync_QuorumAnyReject_Rejects()
    {
        var id = await _approvals.CreateAsync(Quorum(2));

        await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);
        await _approvals.DecideAsync(id, Alex, DecisionKind.Reject);

        var view = await _approvals.ViewAsync(id);
        Assert.Equal(ApprovalStatus.Rejected, view.Status);
        Assert.Equal("Rejected by alex.wilber@contoso.test.", view.ClosedReason);
        Assert.Equal(2, view.Decisions.Count);
    }

    [Fact]
    public async Task DecideAsync_QuorumSameApproverTwice_IsAlreadyDecided()
    {
        var id = await _approvals.CreateAsync(Quorum(2));
        await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);

        var again = await _approvals.DecideAsync(id, "Adele.Vance@contoso.test", DecisionKind.Reject);

        Assert.Equal(ApprovalProblems.AlreadyDecidedCode, again.Problem?.Code);
        Assert.Contains("has already decided (approved)", again.Problem?.Cause);
        Assert.Equal(ApprovalStatus.Pending, (await _approvals.ViewAsync(id)).Status);
    }

    [Fact]
    public async Task DecideAsync_UnknownApproverOrRequest_IsRefused()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele));

        var stranger = await _approvals.DecideAsync(id, "eve@contoso.test", DecisionKind.Approve);
        var missing = await _approvals.DecideAsync(Guid.NewGuid(), Adele, DecisionKind.Approve);

        Assert.Equal(ApprovalProblems.NotAnApproverCode, stranger.Problem?.Code);
        Assert.Equal(ApprovalFields.Approver, stranger.Problem?.Field);
        Assert.Equal(ApprovalProblems.NotFoundCode, missing.Problem?.Code);
        Assert.Equal(ApprovalStatus.Pending, (await _approvals.ViewAsync(id)).Status);
    }

    [Fact]
    public async Task DecideAsync_InThePortalWithoutReason_IsRefused_WithReasonRecordsWhoAndWhy()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele));

        var refused = await _approvals.Decider.DecideAsync(id, new DecisionCommand(Adele, DecisionKind.Approve, null, " "),
            ApprovalTestDomain.Portal, CancellationToken.None);
        var recorded = await _approvals.Decider.DecideAsync(id, new DecisionCommand(Adele, DecisionKind.Approve, null, "Approved by phone"),
            ApprovalTestDomain.Portal, CancellationToken.None);

        Assert.Equal(ApprovalProblems.ReasonRequiredCode, refused.Problem?.Code);
        Assert.Equal(ApprovalFields.Reason, refused.Problem?.Field);
        Assert.Equal(DecisionVia.Portal, recorded.Value?.Via);
        Assert.Equal(ApprovalTestDomain.Portal.Actor.Name, recorded.Value?.RecordedBy);
        Assert.Equal("Approved by phone", recorded.Value?.OnBehalfReason);
    }

    [Fact]
    public async Task DecideAsync_ByEmail_IsRecordedByTheApprover()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele));

        var decided = await _approvals.DecideAsync(id, Adele, DecisionKind.Reject, ApprovalTestDomain.Email);

        Assert.Equal(Adele, decided.Value?.RecordedBy);
        Assert.Equal(DecisionVia.Email, decided.Value?.Via);
    }

    [Fact]
    public async Task DecideAsync_CommentTooLong_IsRefused()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele));

        var refused = await _approvals.Decider.DecideAsync(id, new DecisionCommand(Adele, DecisionKind.Approve, new string('c', 4001)),
            ApprovalTestDomain.Api, CancellationToken.None);

        Assert.Equal(ApprovalFields.Comment, refused.Problem?.Field);
        Assert.Equal(ApprovalStatus.Pending, (await _approvals.ViewAsync(id)).Status);
    }

    [Fact]
    public async Task DecideAsync_DueButNotYetExpired_ExpiresInsteadOfDeciding()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele) with { ExpiresAt = ApprovalTestDomain.Start.AddHours(1) });
        _approvals.Clock.Advance(TimeSpan.FromHours(1));

        var late = await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);

        Assert.Equal(ApprovalProblems.ClosedCode, late.Problem?.Code);
        var view = await _approvals.ViewAsync(id);
        Assert.Equal(ApprovalStatus.Expired, view.Status);
        Assert.Empty(view.Decisions);
    }

    [Fact]
    public async Task DecideAsync_AfterCancel_IsRefusedAsClosed()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele));
        await _approvals.Lifecycle.CancelAsync(id, "Release postponed", ApprovalTestDomain.Portal, CancellationToken.None);

        var late = await _approvals.DecideAsync(id, Adele, DecisionKind.Approve);

        Assert.Equal(ApprovalProblems.ClosedCode, late.Problem?.Code);
        Assert.Contains("already cancelled", late.Problem?.Cause);
    }

    [Fact]
    public async Task DecideAsync_Decision_LeavesAuditEvents()
    {
        var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele));

        await _approvals.Decider.DecideAsync(id, new DecisionCommand(Adele, DecisionKind.Approve, "ship it"), ApprovalTestDomain.Api, CancellationToken.None);

        await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
        var trail = await db.AuditEvents.Where(e => e.Subject == ApprovalAudit.Subject(id)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([ApprovalAudit.Requested, ApprovalAudit.Decided, ApprovalAudit.Approved], trail.Select(e => e.Action));
        Assert.Equal("adele.vance@contoso.test: approve via api; comment: ship it", trail[1].Details);
    }

    [Fact]
    public async Task DecideAsync_TwoApproversAtOnceUnderAnyApprover_OneDecisionOneOutcomeOneWebhook()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = await _approvals.CreateAsync(ApprovalTestDomain.Draft(Adele, Alex) with { CallbackUrl = "https://ci.example.test/hook" });

            var answers = await Task.WhenAll(
                Task.Run(() => _approvals.DecideAsync(id, Adele, DecisionKind.Approve)),
                Task.Run(() => _approvals.DecideAsync(id, Alex, DecisionKind.Reject)));

            var winner = Assert.Single(answers, a => a.Succeeded);
            var loser = Assert.Single(answers, a => !a.Succeeded);
            Assert.Equal(ApprovalProblems.ClosedCode, loser.Problem?.Code);
            var view = await _approvals.ViewAsync(id);
            Assert.Equal(winner.Value!.Decision == DecisionKind.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected, view.Status);
            await using var db = await _approvals.Domain.Contexts.CreateDbContextAsync();
            Assert.Equal(1, await db.ApprovalDecisions.CountAsync(d => d.ApprovalRequestId == id));
            var delivery = Assert.Single(await db.WebhookDeliveries.Where(d => d.ApprovalRequestId == id).ToListAsync());
            Assert.Equal(WebhookOutbox.EventOf(view.Status), delivery.Event);
            Assert.Single(await db.AuditEvents.Where(e => e.Subject == ApprovalAudit.Subject(id)
                && (e.Action == ApprovalAudit.Approved || e.Action == ApprovalAudit.Rejected)).ToListAsync());
        }
    }

    [Fact]
    public async Task DecideAsync_TwoApproversAtOnceUnderQuorum_BothRecordedAndApproved()
    {
        for (var round = 0; round < 10; round++)
        {
            var id = await _approvals.CreateAsync(Quorum(2));

            var answers = await Task.WhenAll(
                Task.Run(() => _approvals.DecideAsync(id, Adele, DecisionKind.Approve)),
                Task.Run(() => _approvals.DecideAsync(id, Alex, DecisionKind.Approve)));

            Assert.All(answers, a => Assert.True(a.Succeeded, a.Problem?.ToString()));
            var view = await _approvals.ViewAsync(id);
            Assert.Equal(ApprovalStatus.Approved, view.Status);
            Assert.Equal(2, view.Decisions.Count);
        }
    }
}
