using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Sandbox;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>
/// Exactly once under fault injection: the process is killed (the cycle stops with an exception) at random right after
/// a reply's outcome is committed and before its mail is removed, or right after the removal before the row says so.
/// Cycles are run until the folder is drained: every reply decided once, none lost, every mail removed once.
/// </summary>
[Collection(ReplyMonitorCollection.Name)]
public sealed class ReplyMonitorExactlyOnceTests(RepliesPortal portal, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 150;
    private readonly ReplyScenario _scenario = new(portal);

    public async Task InitializeAsync()
    {
        await _scenario.ConnectAsync(answers: false);
        await _scenario.ClearFolderAsync(ReplyScenario.ReplyFolder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cycles_KilledBetweenRecordAndRemove_EveryReplyDecidedOnceAndRemovedOnce()
    {
        Portal.Sandbox.Directory.SandboxUser[] approvers = [SandboxSeed.AdeleVance, SandboxSeed.AlexWilber, SandboxSeed.MeganBowen, SandboxSeed.DiegoSiciliani];
        var replies = new List<MimeKit.MimeMessage>();
        var requestIds = new List<Guid>();
        for (var i = 0; i < Requests; i++)
        {
            // Quorum of all four: every approver's reply is a decision that counts, none comes late.
            var sent = await _scenario.RequestAsync($"Release {i}", ApprovalPolicy.Quorum, approvers);
            requestIds.Add(sent[0].RequestId);
            replies.AddRange(sent.Select(mail => ReplyScenario.Reply(mail, "Approve")));
        }
        await SetQuorumAsync(requestIds, approvers.Length);
        await _scenario.DeliverAsync([.. replies]);
        var hooks = new CrashingHooks(probability: 0.03, seed: 20261202);

        var crashes = 0;
        for (var cycle = 0; cycle < 200; cycle++)
        {
            try
            {
                var report = await _scenario.Cycle(hooks, new ReplyMonitorOptions { RequestBudget = 1_000_000, MaxRepliesPerCycle = 200 }).RunAsync(CancellationToken.None);
                if (report.Processed == 0 && report.Removed == 0 && !report.More)
                {
                    break;
                }
            }
            catch (SimulatedCrash)
            {
                crashes++;
            }
        }

        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        var decisions = await db.ApprovalDecisions.Where(d => requestIds.Contains(d.ApprovalRequestId)).CountAsync();
        var rows = await db.ProcessedReplies.Where(r => r.ApprovalRequestId != null && requestIds.Contains(r.ApprovalRequestId.Value)).ToListAsync();
        output.WriteLine($"{replies.Count} replies, {crashes} simulated crashes, {decisions} decisions, {rows.Count} processed rows");
        Assert.True(crashes >= 5, $"only {crashes} crashes were injected");
        Assert.Equal(replies.Count, decisions);
        Assert.Equal(replies.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(ReplyOutcome.Approved, r.Outcome));
        Assert.All(rows, r => Assert.NotEqual(ReplyRemoval.Pending, r.Removal));
        Assert.Empty(await _scenario.FolderAsync(ReplyScenario.ReplyFolder));
        var processed = await _scenario.FolderAsync(ReplyScenario.ProcessedFolder);
        Assert.Equal(replies.Count, processed.Count(m => replies.Any(r => $"<{r.MessageId}>" == m.InternetMessageId)));
        Assert.Equal(Requests, await db.ApprovalRequests.CountAsync(r => requestIds.Contains(r.Id) && r.Status == ApprovalStatus.Approved));
    }

    private async Task SetQuorumAsync(List<Guid> requestIds, int required)
    {
        await using var db = await _scenario.Contexts.CreateDbContextAsync();
        await db.ApprovalRequests.Where(r => requestIds.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequiredApprovals, required));
    }

    private sealed class SimulatedCrash() : Exception("Simulated crash");

    private sealed class CrashingHooks(double probability, int seed) : IReplyMonitorHooks
    {
        private readonly Random _random = new(seed);
        private readonly Lock _gate = new();

        public Task RecordedAsync(ProcessedReply reply, CancellationToken cancellationToken) => MaybeCrash();

        public Task RemovedAsync(ProcessedReply reply, CancellationToken cancellationToken) => MaybeCrash();

        private Task MaybeCrash()
        {
            lock (_gate)
            {
                return _random.NextDouble() < probability ? throw new SimulatedCrash() : Task.CompletedTask;
            }
        }
    }
}
