using Bunit;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Portal.Features.Dashboard;
using FlexMail.Tests.Components.Approvals;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.Dashboard;

public sealed class ApprovalCountCardsTests : ApprovalComponentTest
{
    private static string Count(IRenderedComponent<DashboardPage> page, string title) =>
        page.Find($"[data-testid='count-{title}']").TextContent.Trim();

    [Fact]
    public async Task Dashboard_ShowsTheApprovalCountsFromTheDatabase_WithPendingLinkingToTheFilteredList()
    {
        var pending = await CreateAsync("Deploy billing", "adele.vance@contoso.test", "alex.wilber@contoso.test");
        await CreateAsync("Deploy search");
        var decided = await CreateAsync("Rotate certificates", "adele.vance@contoso.test");
        var decision = await Domain.Get<ApprovalDecider>().DecideAsync(decided,
            new DecisionCommand("adele.vance@contoso.test", DecisionKind.Approve, null, "Approved by phone"), ApprovalOrigin.Portal(TestActors.Admin),
            CancellationToken.None);
        Assert.True(decision.Succeeded, decision.Problem?.ToString());
        await FailMailAsync(pending, "alex.wilber@contoso.test", "Refused.", "Grant Send As.");
        await AddWebhookAsync(decided, WebhookDeliveryStatus.Failed, (503, "Service Unavailable"));

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("2", Count(page, "Pending")));
        Assert.Equal("1", Count(page, "Decided Today"));
        Assert.Equal("1", Count(page, "Failed Mails"));
        Assert.Equal("1", Count(page, "Failed Webhooks"));
        Assert.Equal("approvals?status=pending", page.Find("[data-testid='count-link-Pending']").GetAttribute("href"));
    }

    [Fact]
    public void Dashboard_NoApprovals_CountsZero()
    {
        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("0", Count(page, "Pending")));
        Assert.Equal("0", Count(page, "Failed Webhooks"));
    }
}
