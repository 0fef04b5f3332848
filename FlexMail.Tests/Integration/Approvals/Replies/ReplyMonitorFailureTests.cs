using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Sandbox.Faults;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>
/// Graph failures: a throttling storm (a budget far below the work) is survived with no reply lost or decided twice;
/// a failure stops the cycle with its cause and fix, stored for the portal, and the next try waits (backoff).
/// </summary>
[Collection(ReplyMonitorCollection.Name)]
public sealed class ReplyMonitorFailureTests(RepliesPortal portal, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ReplyScenario _scenario = new(portal);

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync(answers: false);
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
    }

    public async Task DisposeAsync() =>
        await _scenario.Approvals.SetFaultsAsync(f => (f.ThrottlingEnabled, f.RequestBudget, f.BudgetWindowSeconds) = (true, 1_000_000, 600));

    [Fact]
    public async Task ThrottlingStorm_EveryReplyDecidedOnce()
    {
        var replies = new List<MimeKit.MimeMessage>();
        var requests = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var sent = await _scenario.RequestAsync($"Storm {i}", ApprovalPolicy.Quorum);
            requests.Add(sent[0].RequestId);
            replies.AddRange(sent.Select(mail => ReplyScenario.Reply(mail, "Approve")));
        }
        await _scenario.DeliverAsync([.. replies]);
        portal.Get<SandboxMailboxThrottle>().Clear();
        // Eight requests per two seconds: far below what the cycle asks for, so Graph answers 429 again and again.
        await _scenario.Approvals.SetFaultsAsync(f => (f.ThrottlingEnabled, f.RequestBudget, f.BudgetWindowSeconds) = (true, 8, 2));
        var cycle = _scenario.Cycle(options: new ReplyMonitorOptions { RequestBudget = 1_000_000, PageSize = 5 });

        var (cycles, stopped) = (0, 0);
        while (cycles++ < 100)
        {
            try
            {
                var report = await cycle.RunAsync(CancellationToken.None);
                if (report.Processed == 0 && report.Removed == 0 && !report.More)
                {
                    break;
                }
            }
            catch (ReplyCycleException ex)
            {
                Assert.True(ex.Problem is global::FlexMail.Domain.Mail.MailFailure { Kind: global::FlexMail.Domain.Mail.MailFailureKind.Throttled }, ex.Problem.ToString());
                stopped++;
            }
        }

        var throttled = portal.Get<SandboxMailboxThrottle>().Snapshot().Sum(c => c.ThrottledCount);
        var rows = (await _scenario.RowsAsync()).Where(r => r.ApprovalRequestId is { } id && requests.Contains(id)).ToList();
        output.WriteLine($"{replies.Count} replies in {cycles} cycles; {stopped} stopped by throttling; the sandbox answered 429 {throttled} times");
        Assert.True(throttled > 0, "the storm never throttled");
        Assert.Equal(replies.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal((ReplyOutcome.Approved, ReplyRemoval.Moved), (r.Outcome, r.Removal)));
        foreach (var id in requests)
        {
            Assert.Equal(2, (await _scenario.RequestOfAsync(id)).Decisions.Count);
        }
    }

    [Fact]
    public async Task MissingReplyFolder_StopsWithCauseAndFix_AndBacksOff()
    {
        var settings = portal.Get<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(CancellationToken.None);
        draft.EmailReplyFolder = "Inbox/No Such Folder";
        Assert.True((await settings.SaveAsync(draft, ApprovalScenario.Pipeline, CancellationToken.None)).Succeeded);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var monitor = _scenario.Monitor(_scenario.Cycle(clock: clock), clock);

        var first = await monitor.RunIfDueAsync("instance-a", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = await monitor.RunIfDueAsync("instance-a", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        var third = await monitor.RunIfDueAsync("instance-a", CancellationToken.None);

        var status = await portal.Get<ReplyMonitorControl>().GetStatusAsync(CancellationToken.None);
        Assert.Equal(ReplyMonitorRunState.Stopped, status.State);
        Assert.Equal("FolderNotFound", status.LastErrorCode);
        Assert.Contains("No Such Folder", status.LastErrorCause);
        Assert.False(string.IsNullOrWhiteSpace(status.LastErrorFix));
        Assert.Equal(3, status.ConsecutiveFailures);
        Assert.True(third - clock.GetUtcNow() >= TimeSpan.FromSeconds(20), $"no backoff: next try {third}, now {clock.GetUtcNow()}");
        Assert.NotNull(first);
        Assert.NotNull(second);
    }
}
