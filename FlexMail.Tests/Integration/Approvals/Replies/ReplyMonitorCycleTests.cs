using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox;
using MimeKit;

namespace FlexMail.Tests.Integration.Approvals.Replies;

[Collection(ReplyMonitorCollection.Name)]
public sealed class ReplyMonitorCycleTests(RepliesPortal portal) : IAsyncLifetime
{
    private readonly ReplyScenario _scenario = new(portal);

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync();
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cycle_ApproveReply_DecidesMovesAndConfirms()
    {
        var sent = await _scenario.RequestAsync("Deploy 4.2 to production");
        var reply = ReplyScenario.Reply(sent[0], "Approve - smoke tests are green");
        await _scenario.DeliverAsync(reply);

        var report = await _scenario.Cycle().RunAsync(CancellationToken.None);

        var request = await _scenario.RequestOfAsync(sent[0].RequestId);
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        var decision = Assert.Single(request.Decisions);
        Assert.Equal(DecisionVia.Email, decision.Via);
        Assert.Equal("smoke tests are green", decision.Comment);
        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyOutcome.Approved, row.Outcome);
        Assert.Equal(ReplyRemoval.Moved, row.Removal);
        Assert.Equal("the token in the subject", row.MatchedBy);
        Assert.Equal(1, report.Processed);
        Assert.DoesNotContain(await _scenario.FolderAsync(ReplyScenario.ReplyFolder), m => m.InternetMessageId == $"<{reply.MessageId}>");
        Assert.Contains(await _scenario.FolderAsync(ReplyScenario.ProcessedFolder), m => m.InternetMessageId == $"<{reply.MessageId}>");
        var answer = Assert.Single(await _scenario.AnswersAsync(sent[0].RequestId));
        Assert.Contains("Your Approve was recorded", answer.AnswerSubject);
    }

    [Fact]
    public async Task Cycle_SecondRun_ReadsNothingAgain()
    {
        var sent = await _scenario.RequestAsync("Deploy 4.3");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Reject"));
        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var second = await _scenario.Cycle().RunAsync(CancellationToken.None);

        Assert.Equal(0, second.Processed);
        Assert.Equal(0, second.Removed);
        Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ApprovalStatus.Rejected, (await _scenario.RequestOfAsync(sent[0].RequestId)).Status);
    }

    [Fact]
    public async Task Cycle_ReplyWithoutKeyword_NoDecisionAndOneAnswer()
    {
        // Diego answers without a keyword in no other test of the collection: the hourly answer limit counts per sender
        // across the shared database.
        var sent = await _scenario.RequestAsync("Deploy 4.4", approvers: SandboxSeed.DiegoSiciliani);
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Looks fine to me"));

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyOutcome.NoDecision, row.Outcome);
        Assert.Equal("Looks fine to me", row.DecisiveLine);
        Assert.Equal(ReplyRemoval.Moved, row.Removal);
        Assert.Equal(ApprovalStatus.Pending, (await _scenario.RequestOfAsync(sent[0].RequestId)).Status);
        var answer = Assert.Single(await _scenario.AnswersAsync(sent[0].RequestId));
        Assert.Equal(sent[0].Approver, answer.Recipient);
        Assert.Contains("Approve or Reject alone on the first line", answer.AnswerText);
    }

    [Fact]
    public async Task Cycle_ManyUnusableRepliesFromOneSender_AnswersAtMostTheHourlyLimit()
    {
        var replies = new List<MimeMessage>();
        var requests = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var sent = (await _scenario.RequestAsync($"Limit {i}", approvers: SandboxSeed.MeganBowen)).Single();
            requests.Add(sent.RequestId);
            replies.Add(ReplyScenario.Reply(sent, "Sounds good"));
        }
        await _scenario.DeliverAsync([.. replies]);

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var answers = 0;
        foreach (var id in requests)
        {
            Assert.Equal(ReplyOutcome.NoDecision, Assert.Single(await _scenario.RowsAsync(id)).Outcome);
            answers += (await _scenario.AnswersAsync(id)).Count;
        }
        Assert.Equal(new ReplyMonitorOptions().AnswersPerSenderPerHour, answers);
    }

    [Fact]
    public async Task Cycle_OutOfOffice_IgnoredWithoutAnswer()
    {
        var sent = await _scenario.RequestAsync("Deploy 4.5");
        var reply = ReplyScenario.Reply(sent[0], "I am out of the office until Monday.", subject: $"Automatic reply: {sent[0].Subject}");
        reply.Headers.Add("Auto-Submitted", "auto-replied");
        await _scenario.DeliverAsync(reply);

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyOutcome.Ignored, row.Outcome);
        Assert.Equal(ReplyRemoval.Moved, row.Removal);
        Assert.Empty(await _scenario.AnswersAsync(sent[0].RequestId));
    }

    [Fact]
    public async Task Cycle_SenderNotTheApprover_Refused()
    {
        var sent = await _scenario.RequestAsync("Deploy 4.6");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Approve", from: SandboxSeed.DiegoSiciliani.Mail));

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyOutcome.Refused, row.Outcome);
        Assert.Contains(SandboxSeed.DiegoSiciliani.Mail!, row.Reason);
        Assert.Equal(ApprovalStatus.Pending, (await _scenario.RequestOfAsync(sent[0].RequestId)).Status);
    }

    [Fact]
    public async Task Cycle_FailedDmarc_RefusedWithoutAnswer()
    {
        var sent = await _scenario.RequestAsync("Deploy 4.7");
        var reply = ReplyScenario.Reply(sent[0], "Approve");
        reply.Headers.Add("Authentication-Results", "spf=fail smtp.mailfrom=contoso.test; dmarc=fail action=none header.from=contoso.test");
        await _scenario.DeliverAsync(reply);

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyOutcome.Refused, row.Outcome);
        Assert.Contains("dmarc=fail", row.Reason);
        Assert.Empty(await _scenario.AnswersAsync(sent[0].RequestId));
        Assert.Empty((await _scenario.RequestOfAsync(sent[0].RequestId)).Decisions);
    }

    [Fact]
    public async Task Cycle_ForeignAndUnrelatedMail_LeftInTheFolder()
    {
        var sent = await _scenario.RequestAsync("Deploy 4.8");
        var foreignToken = new ReplyToken(sent[0].Token.InstallationCode == "ZZZZ" ? "YYYY" : "ZZZZ", sent[0].Token.Secret);
        var foreign = ReplyScenario.Reply(sent[0] with { Token = foreignToken, Subject = $"[FlexMail] Approval required: elsewhere [{foreignToken}]" },
            "Approve", references: false);
        var unrelated = new MimeMessage();
        unrelated.From.Add(MailboxAddress.Parse("newsletter@fabrikam.test"));
        unrelated.To.Add(MailboxAddress.Parse(SandboxSeed.ApprovalsMailbox.Mail!));
        unrelated.Subject = "[FlexMail] weekly digest";
        unrelated.Body = new TextPart("plain") { Text = "Nothing to decide here." };
        await _scenario.DeliverAsync(foreign, unrelated);

        var report = await _scenario.Cycle().RunAsync(CancellationToken.None);

        var inFolder = await _scenario.FolderAsync(ReplyScenario.ReplyFolder);
        Assert.Contains(inFolder, m => m.InternetMessageId == $"<{foreign.MessageId}>");
        Assert.Contains(inFolder, m => m.InternetMessageId == $"<{unrelated.MessageId}>");
        Assert.Equal(1, report.Foreign);
        Assert.Equal(1, report.NotOurs);
        var rows = await _scenario.RowsAsync();
        var left = Assert.Single(rows, r => r.InternetMessageId == $"<{foreign.MessageId}>");
        Assert.Equal((ReplyOutcome.Foreign, ReplyRemoval.Left), (left.Outcome, left.Removal));
        Assert.DoesNotContain(rows, r => r.InternetMessageId == $"<{unrelated.MessageId}>");
        Assert.Empty((await _scenario.RequestOfAsync(sent[0].RequestId)).Decisions);
    }

    [Fact]
    public async Task Cycle_SameMailTwice_OneDecisionAndADuplicate()
    {
        var sent = await _scenario.RequestAsync("Deploy 4.9");
        var reply = ReplyScenario.Reply(sent[0], "Approve");
        await _scenario.DeliverAsync(reply);
        await _scenario.DeliverAsync(reply);

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var rows = await _scenario.RowsAsync(sent[0].RequestId);
        Assert.Equal([ReplyOutcome.Approved, ReplyOutcome.Duplicate], rows.Select(r => r.Outcome).Order());
        Assert.All(rows, r => Assert.Equal(ReplyRemoval.Moved, r.Removal));
        Assert.Single((await _scenario.RequestOfAsync(sent[0].RequestId)).Decisions);
    }

    [Fact]
    public async Task Cycle_ReplyAfterTheDecision_Late()
    {
        var sent = await _scenario.RequestAsync("Deploy 5.0");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Approve"));
        await _scenario.Cycle().RunAsync(CancellationToken.None);
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[1], "Reject"));

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var late = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId), r => r.Sender == sent[1].Approver);
        Assert.Equal(ReplyOutcome.Late, late.Outcome);
        Assert.Contains("already approved", late.Reason);
        Assert.Equal(ApprovalStatus.Approved, (await _scenario.RequestOfAsync(sent[0].RequestId)).Status);
    }

    [Fact]
    public async Task Cycle_MatchedOnlyByInReplyTo_Decides()
    {
        var sent = await _scenario.RequestAsync("Deploy 5.1");
        await _scenario.DeliverAsync(ReplyScenario.Reply(sent[0], "Reject: the change window is closed", subject: "RE: [FlexMail] Approval required: Deploy 5.1", tokenInBody: false));

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        var row = Assert.Single(await _scenario.RowsAsync(sent[0].RequestId));
        Assert.Equal(ReplyOutcome.Rejected, row.Outcome);
        Assert.StartsWith("In-Reply-To", row.MatchedBy);
        Assert.Equal("the change window is closed", row.Comment);
    }

    [Fact]
    public async Task Cycle_DeleteSetting_DeletesTheMail()
    {
        await _scenario.ConnectAsync(ProcessedMailAction.Delete);
        var sent = await _scenario.RequestAsync("Deploy 5.2");
        var reply = ReplyScenario.Reply(sent[0], "Approve");
        await _scenario.DeliverAsync(reply);

        await _scenario.Cycle().RunAsync(CancellationToken.None);

        Assert.Equal(ReplyRemoval.Deleted, Assert.Single(await _scenario.RowsAsync(sent[0].RequestId)).Removal);
        Assert.Contains(await _scenario.FolderAsync("deleteditems"), m => m.InternetMessageId == $"<{reply.MessageId}>");
    }
}
