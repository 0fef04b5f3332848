using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Sandbox.Mail;

/// <summary>Inbox rules on every delivery: the seeded "FlexMail replies" rule of the approvals mailbox files approval replies.</summary>
public sealed class SandboxInboxRulesTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly SandboxAutomationKit _kit = new(portal);

    [Fact]
    public async Task Reply_InTheMailClientToAnApprovalMail_LandsInFlexMailRepliesOfTheApprovalsMailbox()
    {
        var subject = $"[FlexMail] Approve release 4.2 FM-7KQ2-{Guid.NewGuid():N}"[..60];
        var approvals = await _kit.MailboxAsync(SandboxAutomationKit.Approvals);
        await portal.Get<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(approvals.UserId, approvals.AsAddress,
            [SandboxAutomationKit.Adele], subject, "html", "<p>Reply Approve or Reject</p>")
        {
            ReplyTo = [approvals.AsAddress],
        }, CancellationToken.None);
        var adele = await _kit.MailboxAsync(SandboxSeed.AdeleVance.Mail!);
        var inbox = (await portal.Get<SandboxMailbox>().ListFoldersAsync(adele.UserId, CancellationToken.None)).Single(f => f.WellKnownName == WellKnownFolders.Inbox);
        var approvalMail = (await portal.Get<SandboxMailbox>().ListMessagesAsync(inbox.Id, CancellationToken.None)).Single(m => m.Subject == subject);

        await portal.Get<SandboxMailbox>().ReplyAsync(adele, approvalMail.Id, "Approve", replyAll: false, CancellationToken.None);

        Assert.Equal(["Inbox/FlexMail Replies"], await _kit.FoldersOfAsync(approvals, $"RE: {subject}"));
    }

    [Fact]
    public async Task Deliver_MailWithoutTokenToApprovals_StaysInTheInbox()
    {
        var subject = $"Lunch on Friday {Guid.NewGuid():N}";

        var delivery = await portal.Get<SandboxRawDelivery>().DeliverAsync(SandboxAutomationKit.Reply(subject), CancellationToken.None);

        Assert.Equal("Inbox", Assert.Single(delivery.Copies).FolderPath);
    }

    [Fact]
    public async Task Deliver_ToAMailboxWithoutRules_StaysInTheInboxEvenWithAToken()
    {
        var subject = $"RE: [FlexMail] FM-AAAA-{Guid.NewGuid():N}";

        var delivery = await portal.Get<SandboxRawDelivery>().DeliverAsync(SandboxAutomationKit.Reply(subject, to: "alex.wilber@contoso.test"), CancellationToken.None);

        Assert.Equal("Inbox", Assert.Single(delivery.Copies).FolderPath);
    }
}
