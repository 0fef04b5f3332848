using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Approvals.Replies;

/// <summary>The portal with its workers running, as in production: outbox, reply monitor.</summary>
public sealed class LiveRepliesPortal() : KestrelPortal(("FlexMail:Approvals:Replies:RequestBudget", "1000000"));

/// <summary>
/// The whole loop with the workers on: the approval mail goes out through the outbox, the approver replies from the
/// sandbox Mail client (the inbox rule files the reply in Inbox/FlexMail Replies), and the reply monitor decides it and
/// moves the mail to the processed folder, with no test driving a cycle.
/// </summary>
public sealed class ReplyMonitorWorkerTests(LiveRepliesPortal portal) : IClassFixture<LiveRepliesPortal>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly ReplyScenario _scenario = new(portal);

    [Fact]
    public async Task ReplyFromTheMailClient_IsDecidedAndMovedByTheWorker()
    {
        await _scenario.ConnectAsync();
        var created = await portal.Get<ApprovalService>().CreateAsync(new ApprovalRequestDraft
        {
            Title = "Ship the mobile app",
            Approvers = [SandboxSeed.AdeleVance.Mail!],
        }, ApprovalOrigin.Api(ApprovalScenario.Pipeline, null), CancellationToken.None);
        var mailbox = portal.Get<SandboxMailbox>();
        var adele = (await mailbox.ListMailboxesAsync(CancellationToken.None)).Single(m => m.Address == SandboxSeed.AdeleVance.Mail);
        var inbox = (await mailbox.ListFoldersAsync(adele.UserId, CancellationToken.None)).Single(f => f.WellKnownName == "inbox");
        var approvalMail = await UntilAsync(async () =>
            (await mailbox.ListMessagesAsync(inbox.Id, CancellationToken.None)).FirstOrDefault(m => m.Subject.Contains("Ship the mobile app")));

        await mailbox.ReplyAsync(adele, approvalMail.Id, "Approve - store listing checked", replyAll: false, CancellationToken.None);

        var request = await UntilAsync(async () =>
            await _scenario.RequestOfAsync(created.Value!.Id) is { Status: not ApprovalStatus.Pending } closed ? closed : null);
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        Assert.Equal("store listing checked", Assert.Single(request.Decisions).Comment);
        var row = await UntilAsync(async () =>
            (await _scenario.RowsAsync(request.Id)).FirstOrDefault(r => r.Removal == ReplyRemoval.Moved));
        Assert.Equal(ReplyOutcome.Approved, row.Outcome);
        Assert.Contains(await _scenario.FolderAsync(ReplyScenario.ProcessedFolder), m => m.InternetMessageId == row.InternetMessageId);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe) where T : class
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not within {Bound}.");
            }
        }
    }
}
