using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Integration.Mail;
using Microsoft.EntityFrameworkCore;
using MailMessage = FlexMail.Domain.Mail.MailMessage;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>Support's actions on processed replies against the sandbox: Record decision, Reprocess, Dismiss, and their refusals.</summary>
[Collection(ReplyMonitorCollection.Name)]
public sealed class ReplySupportTests(RepliesPortal portal) : IAsyncLifetime
{
    private static readonly Actor Agent = new("Sam Support", "support-object-id");
    private readonly ReplyScenario _scenario = new(portal);

    private ReplySupport Support => portal.Get<ReplySupport>();

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync();
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RecordDecision_NoDecisionReply_EndsRequestAndResolvesRowWithEventAndAudit()
    {
        var row = await NoDecisionReplyAsync("Deploy 6.1");

        var result = await Support.RecordDecisionAsync(row.Id, DecisionKind.Approve, "Looks fine to me", "Confirmed by phone", Agent, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem?.ToString());
        var request = await _scenario.RequestOfAsync(row.ApprovalRequestId!.Value);
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        var decision = Assert.Single(request.Decisions);
        Assert.Equal((DecisionVia.Portal, "Sam Support", "Confirmed by phone", "Looks fine to me"),
            (decision.Via, decision.RecordedBy, decision.OnBehalfReason, decision.Comment));
        var stored = await RowAsync(row.Id);
        Assert.Equal((ReplyResolution.Decided, "Sam Support", "Confirmed by phone", DecisionKind.Approve, ReplyOutcome.NoDecision),
            (stored.Resolution, stored.ResolvedBy, stored.ResolutionReason, stored.Decision, stored.Outcome));
        Assert.NotNull(stored.ResolvedAt);
        Assert.Single(await ResolvedEventsAsync(row.Id));
        var audit = Assert.Single(await AuditAsync(row.Id));
        Assert.Equal(ReplySupportAudit.Decided, audit.Action);
        Assert.Contains("Confirmed by phone", audit.Details);
    }

    [Fact]
    public async Task RecordDecision_Twice_SecondRefusedWithTheWordsTheButtonShows()
    {
        var row = await NoDecisionReplyAsync("Deploy 6.2");
        var first = await Support.RecordDecisionAsync(row.Id, DecisionKind.Reject, null, "Rejected on a call", Agent, CancellationToken.None);
        Assert.True(first.Succeeded, first.Problem?.ToString());

        var second = await Support.RecordDecisionAsync(row.Id, DecisionKind.Approve, null, "Approved on a call", Agent, CancellationToken.None);

        Assert.Equal(ReplySupportProblems.NotApplicableCode, second.Problem?.Code);
        var stored = await RowAsync(row.Id);
        Assert.Equal(ReplyActions.Of(stored, ApprovalStatus.Rejected, approverDecided: true).RecordDecision.WhyNot, second.Problem!.Cause);
        Assert.Equal(DecisionKind.Reject, Assert.Single((await _scenario.RequestOfAsync(row.ApprovalRequestId!.Value)).Decisions).Decision);
        Assert.Single(await ResolvedEventsAsync(row.Id));
    }

    [Fact]
    public async Task RecordDecision_ApprovedReply_RefusedAndNothingChanges()
    {
        var sent = await _scenario.RequestAsync("Deploy 6.3");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Approve"));
        await _scenario.Cycle().RunAsync(CancellationToken.None);
        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));

        var result = await Support.RecordDecisionAsync(row.Id, DecisionKind.Reject, null, "Changed their mind", Agent, CancellationToken.None);

        Assert.Equal(ReplySupportProblems.NotApplicableCode, result.Problem?.Code);
        Assert.Contains("this one is approved", result.Problem!.Cause);
        Assert.Null((await RowAsync(row.Id)).Resolution);
        Assert.Empty(await AuditAsync(row.Id));
    }

    [Fact]
    public async Task Dismiss_NoDecisionReply_DismissedOnceAndAudited()
    {
        var row = await NoDecisionReplyAsync("Deploy 6.4");

        var dismissed = await Support.DismissAsync(row.Id, "  The approver answered in Teams  ", Agent, CancellationToken.None);
        var again = await Support.DismissAsync(row.Id, "Again", Agent, CancellationToken.None);

        Assert.True(dismissed.Succeeded, dismissed.Problem?.ToString());
        var stored = await RowAsync(row.Id);
        Assert.Equal((ReplyResolution.Dismissed, "The approver answered in Teams"), (stored.Resolution, stored.ResolutionReason));
        Assert.Equal(ReplySupportProblems.NotApplicableCode, again.Problem?.Code);
        Assert.Contains("already dismissed by Sam Support", again.Problem!.Cause);
        Assert.Equal(ApprovalStatus.Pending, (await _scenario.RequestOfAsync(row.ApprovalRequestId!.Value)).Status);
        Assert.Single(await ResolvedEventsAsync(row.Id));
        Assert.Equal(ReplySupportAudit.Dismissed, Assert.Single(await AuditAsync(row.Id)).Action);
    }

    [Theory]
    [InlineData("", ReplySupportProblems.ReasonRequiredCode)]
    [InlineData("   ", ReplySupportProblems.ReasonRequiredCode)]
    [InlineData(null, ReplySupportProblems.ReasonTooLongCode)]
    public async Task Actions_BlankOrLongReason_RefusedNamingTheField(string? reason, string code)
    {
        var row = await NoDecisionReplyAsync("Deploy 6.5");
        var text = reason ?? new string('x', ApprovalLimits.ReasonLength + 1);

        var dismissed = await Support.DismissAsync(row.Id, text, Agent, CancellationToken.None);
        var decided = await Support.RecordDecisionAsync(row.Id, DecisionKind.Approve, null, text, Agent, CancellationToken.None);

        Assert.Equal((code, ApprovalFields.Reason), (dismissed.Problem?.Code, dismissed.Problem?.Field));
        Assert.Equal((code, ApprovalFields.Reason), (decided.Problem?.Code, decided.Problem?.Field));
        Assert.Null((await RowAsync(row.Id)).Resolution);
    }

    [Fact]
    public async Task Actions_UnknownReply_ReplyNotFound()
    {
        var result = await Support.ReprocessAsync(Guid.NewGuid(), "Look again", Agent, CancellationToken.None);

        Assert.Equal(ReplySupportProblems.NotFoundCode, result.Problem?.Code);
    }

    [Fact]
    public async Task Reprocess_RefusedRowWhoseMailNowReadsApprove_DecidesAsTheApproverOnTheSameRow()
    {
        var sent = await _scenario.RequestAsync("Deploy 6.6");
        var reply = ReplyScenario.Reply(sent[0], "Approve - checked the dashboards");
        await _scenario.DeliverAsync(reply);
        var mail = await WaitForMailAsync($"<{reply.MessageId}>");
        var row = await InsertAsync(new ProcessedReply
        {
            MessageKey = mail.InternetMessageId!,
            InternetMessageId = mail.InternetMessageId,
            GraphMessageId = mail.Id,
            Sender = sent[0].Approver,
            Outcome = ReplyOutcome.Refused,
            Reason = "The mail failed authentication (Authentication-Results: dmarc=fail).",
            ApprovalRequestId = sent[0].RequestId,
            ProcessedAt = DateTimeOffset.UtcNow,
            Removal = ReplyRemoval.Moved,
        });

        var result = await Support.ReprocessAsync(row.Id, "The sender's DMARC record was fixed", Agent, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem?.ToString());
        var stored = await RowAsync(row.Id);
        Assert.Equal((ReplyOutcome.Approved, ReplyOutcome.Refused, ReplyResolution.Reprocessed, DecisionKind.Approve, "checked the dashboards"),
            (stored.Outcome, stored.PreviousOutcome, stored.Resolution, stored.Decision, stored.Comment));
        Assert.NotNull(stored.ApprovalMailId);
        Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        var request = await _scenario.RequestOfAsync(sent[0].RequestId);
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        Assert.Equal(DecisionVia.Email, Assert.Single(request.Decisions).Via);
        Assert.Single(await ResolvedEventsAsync(row.Id));
        var audit = Assert.Single(await AuditAsync(row.Id));
        Assert.Equal(ReplySupportAudit.Reprocessed, audit.Action);
        Assert.Contains("refused → approved", audit.Details);
    }

    [Fact]
    public async Task Reprocess_MailDeletedForGoodAfterProcessing_ProblemSaysUseRecordDecision()
    {
        await _scenario.ConnectAsync(ProcessedMailAction.Delete);
        var sent = await _scenario.RequestAsync("Deploy 6.7");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Looks fine to me"));
        await _scenario.Cycle().RunAsync(CancellationToken.None);
        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyRemoval.Deleted, row.Removal);
        // The monitor's delete puts the mail in Deleted Items; deleting it there (emptying Deleted Items) removes it for good.
        using (var gateway = new MailGatewayKit(portal).Delegated(SandboxSeed.ServiceUser, MailGatewayKit.ServiceScopes))
        {
            var purged = await gateway.DeleteAsync(MailGatewayKit.Approvals, row.GraphMessageId, CancellationToken.None);
            Assert.True(purged.Succeeded, purged.Problem?.ToString());
        }

        var result = await Support.ReprocessAsync(row.Id, "Parser fixed", Agent, CancellationToken.None);

        Assert.Equal(ReplySupportProblems.MailGoneCode, result.Problem?.Code);
        Assert.Equal("The mail was deleted after it was processed, so it cannot be read again.", result.Problem!.Cause);
        Assert.Equal("Use Record decision with the approver's answer instead.", result.Problem.Fix);
        Assert.Null((await RowAsync(row.Id)).Resolution);
    }

    [Fact]
    public async Task ListPending_QuorumWithOneApproval_OldestFirstWithOnlyTheApproverStillWaitedFor()
    {
        var sent = await _scenario.RequestAsync("Deploy 6.8", ApprovalPolicy.Quorum);
        await using (var db = await _scenario.Contexts.CreateDbContextAsync())
        {
            // Older than every other request of this database, so that it is the oldest pending one.
            await db.ApprovalRequests.Where(r => r.Id == sent[0].RequestId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTimeOffset.UtcNow.AddYears(-1)));
        }
        var decided = await portal.Get<ApprovalDecider>().DecideAsync(sent[0].RequestId, new DecisionCommand(sent[0].Approver, DecisionKind.Approve, null),
            ApprovalOrigin.Email(sent[0].Approver), CancellationToken.None);
        Assert.True(decided.Succeeded, decided.Problem?.ToString());

        var oldest = await portal.Get<ApprovalQueries>().OldestPendingAsync(CancellationToken.None);
        var list = await portal.Get<ApprovalQueries>().ListPendingAsync(50, CancellationToken.None);

        Assert.Equal(sent[0].RequestId, oldest?.Id);
        Assert.Equal("Deploy 6.8", oldest!.Title);
        var waiting = Assert.Single(oldest.Waiting);
        Assert.Equal(sent[1].Approver, waiting.Address);
        Assert.NotNull(waiting.LastMailedAt);
        Assert.Equal(sent[0].RequestId, list[0].Id);
        Assert.Equal(list.OrderBy(p => p.CreatedAt).Select(p => p.Id), list.Select(p => p.Id));
    }

    private async Task<ProcessedReply> NoDecisionReplyAsync(string title)
    {
        var sent = await _scenario.RequestAsync(title);
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Looks fine to me"));
        await _scenario.Cycle().RunAsync(CancellationToken.None);
        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyOutcome.NoDecision, row.Outcome);
        return row;
    }

    private async Task<MailMessage> WaitForMailAsync(string internetMessageId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await _scenario.FolderAsync(ReplyScenario.ReplyFolder)).FirstOrDefault(m => m.InternetMessageId == internetMessageId) is { } mail)
            {
                return mail;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"The mail {internetMessageId} did not reach the reply folder.");
        }
    }

    private async Task<ProcessedReply> InsertAsync(ProcessedReply row)
    {
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        db.ProcessedReplies.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private async Task<ProcessedReply> RowAsync(Guid id)
    {
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        return await db.ProcessedReplies.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<List<ReplyEvent>> ResolvedEventsAsync(Guid id)
    {
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        return await db.ReplyEvents.AsNoTracking().Where(e => e.ProcessedReplyId == id && e.Kind == ReplyEventKind.Resolved).ToListAsync();
    }

    private async Task<List<AuditEvent>> AuditAsync(Guid id)
    {
        var subject = ReplySupportAudit.Subject(id);
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Subject == subject).ToListAsync();
    }
}
