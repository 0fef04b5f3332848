using Bunit;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Portal.Features.Inbox;
using MudBlazor;

namespace FlexMail.Tests.Components.Inbox;

/// <summary>The Live Inbox's "waiting for approvers" panel: who has not answered, and Send Reminder behind a confirmation.</summary>
public sealed class PendingApprovalsPanelTests : InboxComponentTest
{
    [Fact]
    public async Task PendingRequests_ListTheApproversWhoHaveNotAnswered()
    {
        var request = await CreateAsync(Draft("Deploy release 4.2", "adele.vance@contoso.test", "alex.wilber@contoso.test") with
        {
            Policy = ApprovalPolicy.Quorum,
            RequiredApprovals = 2,
        });
        await Domain.Get<ApprovalDecider>().DecideAsync(request, new DecisionCommand("adele.vance@contoso.test", DecisionKind.Approve, null),
            ApprovalOrigin.Email("adele.vance@contoso.test"), CancellationToken.None);

        var panel = Render<PendingApprovalsPanel>();

        var rows = panel.WaitForElements("tr[data-pending]");
        var row = Assert.Single(rows);
        Assert.Contains("alex.wilber@contoso.test", row.TextContent);
        Assert.Contains("Deploy release 4.2", row.TextContent);
        Assert.Contains("Not sent yet", row.TextContent);
    }

    [Fact]
    public async Task SendReminder_AfterConfirmation_QueuesAReminderForThatApprover()
    {
        var request = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test", "alex.wilber@contoso.test");
        var dialogs = Context.Render<MudDialogProvider>();
        var panel = Render<PendingApprovalsPanel>();
        panel.WaitForElements("tr[data-pending]");

        var button = panel.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Send Reminder to alex.wilber@contoso.test for Deploy release 4.2");
        Assert.Equal("Send Reminder", button.TextContent.Trim());
        await panel.InvokeAsync(() => button.Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Mail alex.wilber@contoso.test a reminder", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Send Reminder").Click());

        await panel.WaitForAssertionAsync(async () =>
        {
            await using var db = await Domain.Contexts.CreateDbContextAsync();
            var reminders = db.ApprovalMails.Where(m => m.ApprovalRequestId == request && m.Kind == ApprovalMailKind.Reminder)
                .Select(m => m.Recipient).ToList();
            Assert.Equal(["alex.wilber@contoso.test"], reminders);
        });
    }

    [Fact]
    public void NothingPending_SaysSo()
    {
        var panel = Render<PendingApprovalsPanel>();

        panel.WaitForAssertion(() => Assert.Contains("No approval is waiting for anybody.", panel.Markup));
    }
}
