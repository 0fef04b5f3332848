using Bunit;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Features.Dashboard;
using FlexMail.Tests.Components.Inbox;

namespace FlexMail.Tests.Components.Dashboard;

/// <summary>Today's replies on the dashboard, each count leading into the Live Inbox filtered to it; the oldest pending approval.</summary>
public sealed class ReplyCountCardsTests : InboxComponentTest
{
    [Fact]
    public async Task TodaysReplies_AreCountedByOutcome_AndLinkIntoTheFilteredInbox()
    {
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(Reply(null, "a@contoso.test", ReplyOutcome.Approved, "Approve.", now),
            Reply(null, "b@contoso.test", ReplyOutcome.Rejected, "Reject.", now),
            Reply(null, "c@contoso.test", ReplyOutcome.NoDecision, "No keyword.", now),
            Reply(null, "d@contoso.test", ReplyOutcome.NoDecision, "No keyword.", now),
            Reply(null, "e@contoso.test", ReplyOutcome.Ignored, "Auto-reply.", now),
            Reply(null, "f@contoso.test", ReplyOutcome.Approved, "Approve.", now.AddDays(-2)));
        var today = now.UtcDateTime.ToString("yyyy-MM-dd");

        var cards = Render<ReplyCountCards>();

        cards.WaitForAssertion(() => Assert.Equal("2", cards.Find("[data-testid='count-Replies Decided']").TextContent.Trim()));
        Assert.Equal("2", cards.Find("[data-testid='count-No Decision']").TextContent.Trim());
        Assert.Equal("0", cards.Find("[data-testid='count-Refused']").TextContent.Trim());
        Assert.Equal("1", cards.Find("[data-testid='count-Ignored']").TextContent.Trim());
        Assert.Equal($"inbox?outcome=no-decision&from={today}", cards.Find("[data-testid='count-link-No Decision']").GetAttribute("href"));
        Assert.Equal($"inbox?from={today}", cards.Find("[data-testid='count-link-Replies Decided']").GetAttribute("href"));
        Assert.Equal($"inbox?outcome=refused&from={today}", cards.Find("[data-testid='count-link-Refused']").GetAttribute("href"));
    }

    [Fact]
    public async Task OldestPendingApproval_LinksToItAndToItsReplies()
    {
        var oldest = await CreateAsync("Deploy release 4.1", "adele.vance@contoso.test");
        await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test");

        var cards = Render<ReplyCountCards>();

        var panel = cards.WaitForElement("[data-testid=oldest-pending]");
        Assert.Contains("Deploy release 4.1", panel.TextContent);
        Assert.Contains(panel.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"inbox?request={oldest}");
    }

    [Fact]
    public void NothingPending_SaysSo()
    {
        var cards = Render<ReplyCountCards>();

        cards.WaitForAssertion(() => Assert.Contains("No approval is pending.", cards.Find("[data-testid=oldest-pending]").TextContent));
    }
}
