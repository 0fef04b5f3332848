using Bunit;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Features.Approvals;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace FlexMail.Tests.Components.Approvals;

/// <summary>The reply monitor card: each state in words, the cycle's facts, and Check Now / Pause / Resume behind a confirmation.</summary>
public sealed class ReplyMonitorCardTests : DomainComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private ReplyMonitorStore Store => Domain.Get<ReplyMonitorStore>();

    [Fact]
    public void FreshInstallation_SaysRunningAndWaitingForItsFirstCycle()
    {
        var card = RenderCard();

        Assert.Equal("Running", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim());
        Assert.Contains("Waiting for its first cycle.", card.Find("[data-testid=reply-monitor-summary]").TextContent);
        Assert.Contains("None yet", card.Find("[data-testid=reply-monitor-facts]").TextContent);
        Assert.NotNull(Button(card, "Pause"));
    }

    [Fact]
    public async Task AfterACycle_ShowsWhenHowLongWhatItSawAndWhatIsLeft()
    {
        var ended = new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);
        await Store.UpdateAsync(s =>
        {
            (s.LastCycleStartedAt, s.LastCycleEndedAt, s.LastCycleSeen, s.LastCycleProcessed) = (ended.AddMilliseconds(-250), ended, 7, 5);
            (s.Backlog, s.NotOursInFolder, s.ForeignInFolder, s.NextCycleAt) = (3, 2, 1, ended.AddSeconds(30));
        }, CancellationToken.None);

        var facts = RenderCard().Find("[data-testid=reply-monitor-facts]").TextContent;

        Assert.Contains("2026-12-02 09:30 UTC (250 ms): 7 seen, 5 processed", facts);
        Assert.Contains("Backlog3", Squeeze(facts));
        Assert.Contains(Squeeze("Not FlexMail Mails in the Folder 2"), Squeeze(facts));
        Assert.Contains(Squeeze("Other Installations' Replies in the Folder 1"), Squeeze(facts));
    }

    [Fact]
    public async Task Paused_SaysPausedByWhomAndOffersResume()
    {
        await Store.UpdateAsync(s => (s.Paused, s.PausedBy) = (true, "Megan Bowen"), CancellationToken.None);

        var card = RenderCard();

        Assert.Equal("Paused", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim());
        Assert.Contains("Paused by Megan Bowen", card.Markup);
        Assert.Contains("When resumed", card.Markup);
        Assert.NotNull(Button(card, "Resume"));
        Assert.DoesNotContain(card.FindAll("button"), b => b.TextContent.Trim() == "Pause");
    }

    [Fact]
    public async Task Stopped_SaysStoppedWithTheCauseAndTheFix()
    {
        await Store.UpdateAsync(s =>
        {
            (s.LastErrorCode, s.ConsecutiveFailures) = ("ErrorAccessDenied", 2);
            (s.LastErrorCause, s.LastErrorFix) = ("Graph refused to read the reply folder.", "Grant Mail.ReadWrite and re-authorize.");
        }, CancellationToken.None);

        var card = RenderCard();

        Assert.Equal("Stopped", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim());
        var error = card.Find("[data-testid=reply-monitor-error]").TextContent;
        Assert.Contains("Cause: Graph refused to read the reply folder.", error);
        Assert.Contains("Fix: Grant Mail.ReadWrite and re-authorize.", error);
        Assert.Contains("2 failed cycles in a row", error);
    }

    [Fact]
    public async Task Pause_AfterConfirmation_PausesAsTheSignedInPerson()
    {
        var card = RenderCard();

        await card.InvokeAsync(() => Button(card, "Pause").Click());
        _dialogs.WaitForAssertion(() => Assert.Contains("Replies wait in the folder, undecided", _dialogs.Markup));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Pause").Click());

        card.WaitForAssertion(() => Assert.Equal("Paused", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim()));
        var state = await Store.GetAsync(CancellationToken.None);
        Assert.True(state.Paused);
        Assert.Equal(TestActors.Admin.Name, state.PausedBy);
    }

    [Fact]
    public async Task Pause_Cancelled_LeavesItRunning()
    {
        var card = RenderCard();

        await card.InvokeAsync(() => Button(card, "Pause").Click());
        _dialogs.WaitForAssertion(() => Assert.Contains("Replies wait in the folder, undecided", _dialogs.Markup));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Cancel").Click());

        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("Replies wait in the folder, undecided", _dialogs.Markup));
        Assert.False((await Store.GetAsync(CancellationToken.None)).Paused);
        Assert.Equal("Running", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim());
    }

    [Fact]
    public async Task Resume_AfterConfirmation_RunsAgain()
    {
        await Store.UpdateAsync(s => (s.Paused, s.PausedBy) = (true, "Megan Bowen"), CancellationToken.None);
        var card = RenderCard();

        await card.InvokeAsync(() => Button(card, "Resume").Click());
        _dialogs.WaitForAssertion(() => Assert.Contains("reads the replies waiting in the folder at once", _dialogs.Markup));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Resume").Click());

        card.WaitForAssertion(() => Assert.NotNull(Button(card, "Pause")));
        Assert.False((await Store.GetAsync(CancellationToken.None)).Paused);
    }

    [Fact]
    public async Task CheckNow_AfterConfirmation_SchedulesTheNextCycleNow()
    {
        var later = DateTimeOffset.UtcNow.AddHours(1);
        await Store.UpdateAsync(s => s.NextCycleAt = later, CancellationToken.None);
        var card = RenderCard();

        await card.InvokeAsync(() => Button(card, "Check Now").Click());
        _dialogs.WaitForAssertion(() => Assert.Contains("Read the Email Reply Folder now", _dialogs.Markup));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Check Now").Click());

        await card.WaitForAssertionAsync(async () => Assert.True((await Store.GetAsync(CancellationToken.None)).NextCycleAt < later));
    }

    [Fact]
    public void SignedInAsSupport_OffersTheButtons()
    {
        SignedIn.SetRoles(PortalRoles.Support).SetPolicies(PortalPolicies.Support);

        var card = RenderCard();

        Assert.Equal(["Check Now", "Pause"], card.FindAll("button").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void SignedInWithoutSupport_ShowsTheStateButNoButtons()
    {
        SignedIn.SetRoles().SetPolicies();

        var card = RenderCard();

        Assert.Equal("Running", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim());
        Assert.Empty(card.FindAll("button"));
    }

    [Fact]
    public async Task EveryFiveSeconds_ReadsTheStateAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Context.Services.AddSingleton<TimeProvider>(clock);
        var card = RenderCard();
        Assert.Equal("Running", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim());

        await Store.UpdateAsync(s => (s.Paused, s.PausedBy) = (true, "Lee Gu"), CancellationToken.None);
        clock.Advance(ReplyMonitorCard.RefreshInterval);

        card.WaitForAssertion(() => Assert.Equal("Paused", card.Find("[data-testid=reply-monitor-state]").TextContent.Trim()));
    }

    private IRenderedComponent<ReplyMonitorCard> RenderCard()
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var card = Render<ReplyMonitorCard>();
        card.WaitForElement("[data-testid=reply-monitor-state]");
        return card;
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
