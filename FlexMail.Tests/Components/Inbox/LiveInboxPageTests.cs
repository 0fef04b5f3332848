using Bunit;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Features.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexMail.Tests.Components.Inbox;

/// <summary>The Live Inbox page: every outcome in words, filters in the address, live rows without a reload, waiting rows while reading.</summary>
public sealed class LiveInboxPageTests : InboxComponentTest
{
    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<LiveInboxPage> RenderPage(string query = "")
    {
        Navigation.NavigateTo("inbox" + query);
        Context.Render<MudDialogProvider>();
        var page = Render<LiveInboxPage>();
        page.WaitForElement("[data-testid=reply-total]");
        return page;
    }

    private static IReadOnlyList<string> Senders(IRenderedComponent<LiveInboxPage> page) =>
        [.. page.FindAll("[data-testid=reply-stream] tbody tr .inbox-sender").Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task EveryOutcome_HasARowWithItsWordAndReason()
    {
        var request = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test");
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var outcomes = Enum.GetValues<ReplyOutcome>();
        await InsertAsync([.. outcomes.Select((o, i) => Reply(request, $"sender{i}@contoso.test", o, $"Reason for {o}.", start.AddSeconds(i)))]);

        var page = RenderPage();

        var rows = page.FindAll("[data-testid=reply-stream] tbody tr");
        Assert.Equal(outcomes.Length, rows.Count);
        foreach (var outcome in outcomes)
        {
            var row = Assert.Single(rows, r => r.TextContent.Contains($"Reason for {outcome}."));
            Assert.Equal(ReplyTexts.Of(outcome), row.QuerySelector("[data-testid=reply-outcome]")!.TextContent.Trim());
            Assert.Contains("Deploy release 4.2", row.TextContent);
        }
        Assert.Equal(["No decision", "Late", "Foreign"], new[] { ReplyOutcome.NoDecision, ReplyOutcome.Late, ReplyOutcome.Foreign }.Select(ReplyTexts.Of));
        Assert.Equal($"{outcomes.Length} replies", page.Find("[data-testid=reply-total]").TextContent.Trim());
    }

    [Fact]
    public async Task NewestFirst_WithProcessingTimeAndWhereTheMailWent()
    {
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(Reply(null, "older@contoso.test", ReplyOutcome.NoDecision, "No keyword.", now.AddMinutes(-5), ReplyRemoval.Deleted),
            Reply(null, "newer@contoso.test", ReplyOutcome.Approved, "Approve on the first line.", now.AddMinutes(-1), ReplyRemoval.Pending));

        var page = RenderPage();

        Assert.Equal(["newer@contoso.test", "older@contoso.test"], Senders(page));
        var removals = page.FindAll("[data-testid=reply-removal]").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(["Still in the folder (removal pending)", "Deleted"], removals);
        Assert.Contains("4.0 s", page.Find("[data-testid=reply-stream] tbody tr").TextContent);
    }

    [Fact]
    public async Task AddressFilters_AreAppliedWhenThePageOpens()
    {
        await InsertAsync(Reply(null, "adele.vance@contoso.test", ReplyOutcome.NoDecision, "No keyword."),
            Reply(null, "alex.wilber@contoso.test", ReplyOutcome.Approved, "Approve."),
            Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve."));

        var page = RenderPage("?outcome=no-decision&sender=Adele.Vance@contoso.test");

        Assert.Equal(["adele.vance@contoso.test"], Senders(page));
        Assert.Equal("1 reply", page.Find("[data-testid=reply-total]").TextContent.Trim());
        Assert.Contains("No decision", page.Find("[data-testid=inbox-filters]").TextContent);
    }

    [Fact]
    public async Task ChangingAFilter_WritesItIntoTheAddressAndRequeries()
    {
        await InsertAsync(Reply(null, "adele.vance@contoso.test", ReplyOutcome.NoDecision, "No keyword.", subject: "RE: release notes"),
            Reply(null, "alex.wilber@contoso.test", ReplyOutcome.Approved, "Approve.", subject: "RE: database upgrade"));
        var page = RenderPage();

        var text = InputLabelled(page, "Text");
        await page.InvokeAsync(() => text.Input("database"));

        page.WaitForAssertion(() => Assert.Contains("q=database", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(["alex.wilber@contoso.test"], Senders(page)));
    }

    [Fact]
    public async Task ARequestIdThatCannotBeRead_IsKeptWithTheReasonAndTheListStays()
    {
        await InsertAsync(Reply(null, "adele.vance@contoso.test", ReplyOutcome.NoDecision, "No keyword."));
        var page = RenderPage();

        var request = InputLabelled(page, "Approval Request");
        await page.InvokeAsync(() => request.Input("release-42"));

        page.WaitForAssertion(() => Assert.Contains("Not a request id", page.Find("[data-testid=inbox-filters]").TextContent));
        Assert.Equal("release-42", InputLabelled(page, "Approval Request").GetAttribute("value"));
        Assert.Equal(["adele.vance@contoso.test"], Senders(page));
        Assert.DoesNotContain("request=", Navigation.Uri);
    }

    [Fact]
    public async Task APublishedChange_PutsTheNewReplyAtTheTopWithoutAReload_AndAnnouncesIt()
    {
        await InsertAsync(Reply(null, "older@contoso.test", ReplyOutcome.NoDecision, "No keyword.", DateTimeOffset.UtcNow.AddMinutes(-3)));
        var page = RenderPage();

        var events = await InsertAsync(Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line."));
        await PublishAsync(events);

        page.WaitForAssertion(() => Assert.Equal(["adele.vance@contoso.test", "older@contoso.test"], Senders(page)));
        Assert.Equal("New reply from adele.vance@contoso.test: Approved.", page.Find("[data-testid=stream-announcement]").TextContent.Trim());
        Assert.Equal("polite", page.Find("[data-testid=stream-announcement]").GetAttribute("aria-live"));
        Assert.Equal("2 replies", page.Find("[data-testid=reply-total]").TextContent.Trim());
    }

    [Fact]
    public async Task APublishedChange_ThatTheFiltersDoNotKeep_LeavesTheListAlone()
    {
        var page = RenderPage("?outcome=no-decision");

        var events = await InsertAsync(Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line."));
        await PublishAsync(events);

        page.WaitForAssertion(() => Assert.Equal("0 replies", page.Find("[data-testid=reply-total]").TextContent.Trim()));
        Assert.Empty(Senders(page));
    }

    [Fact]
    public async Task WhileAReplyIsOpen_NewRowsWaitBehindAButton_WhichShowsThem()
    {
        var first = Reply(null, "older@contoso.test", ReplyOutcome.NoDecision, "No keyword.", DateTimeOffset.UtcNow.AddMinutes(-3));
        await InsertAsync(first);
        var page = RenderPage($"?reply={first.Id}");

        var events = await InsertAsync(Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line."));
        await PublishAsync(events);

        var button = page.WaitForElement("[data-testid=show-new-replies]");
        Assert.Equal("Show 1 new reply", button.TextContent.Trim());
        Assert.Equal(["older@contoso.test"], Senders(page));
        await page.InvokeAsync(() => button.Click());
        page.WaitForAssertion(() => Assert.Equal(["adele.vance@contoso.test", "older@contoso.test"], Senders(page)));
        Assert.Empty(page.FindAll("[data-testid=show-new-replies]"));
    }

    [Fact]
    public async Task AChangedRow_IsReplacedInPlace()
    {
        var reply = Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve.", removal: ReplyRemoval.Pending);
        await InsertAsync(reply);
        var page = RenderPage();
        Assert.Equal("Still in the folder (removal pending)", page.Find("[data-testid=reply-removal]").TextContent.Trim());

        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            var row = await db.ProcessedReplies.FindAsync(reply.Id);
            row!.Removal = ReplyRemoval.Moved;
            await db.SaveChangesAsync();
        }
        await PublishAsync([ReplyEvent.For(ReplyEventKind.Removed, reply, DateTimeOffset.UtcNow)]);

        page.WaitForAssertion(() => Assert.Equal("Moved", page.Find("[data-testid=reply-removal]").TextContent.Trim()));
        Assert.Single(Senders(page));
    }

    [Fact]
    public async Task ClickingARow_OpensItsDrawerAndPutsItInTheAddress()
    {
        var reply = Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line.");
        await InsertAsync(reply);
        var page = RenderPage();

        await page.InvokeAsync(() => page.Find("[data-testid=reply-stream] tbody tr").Click());

        page.WaitForAssertion(() => Assert.Contains($"reply={reply.Id}", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Contains("Approve on the first line.", page.Find("[data-testid=drawer-reason]").TextContent));
    }

    [Fact]
    public async Task Keyboard_EnterOnTheFocusedRowOpensIt_ArrowsMove()
    {
        var now = DateTimeOffset.UtcNow;
        var newer = Reply(null, "newer@contoso.test", ReplyOutcome.Approved, "Approve.", now);
        var older = Reply(null, "older@contoso.test", ReplyOutcome.NoDecision, "No keyword.", now.AddMinutes(-1));
        await InsertAsync(newer, older);
        var page = RenderPage();

        var table = page.Find("[data-testid=reply-stream]");
        await page.InvokeAsync(() => table.KeyDown("ArrowDown"));
        await page.InvokeAsync(() => page.Find("[data-testid=reply-stream]").KeyDown("Enter"));

        page.WaitForAssertion(() => Assert.Contains($"reply={older.Id}", Navigation.Uri));
        Assert.Equal("0", page.Find($"tr[data-row='{older.Id}']").GetAttribute("tabindex"));
        Assert.Equal("-1", page.Find($"tr[data-row='{newer.Id}']").GetAttribute("tabindex"));
    }
}
