using Bunit;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Features.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexMail.Tests.Components.Inbox;

/// <summary>Support actions in the drawer: offered when they apply, disabled with the reason in words when not, each with a reason.</summary>
public sealed class ReplySupportActionsTests : InboxComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<LiveInboxPage> Open(Guid reply)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"inbox?reply={reply}");
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<LiveInboxPage>();
        page.WaitForElement("[data-testid=reply-actions]");
        return page;
    }

    private async Task<(Guid Request, ProcessedReply Reply)> NoDecisionReplyAsync()
    {
        var request = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test");
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var approver = await db.ApprovalApprovers.SingleAsync(a => a.ApprovalRequestId == request);
        var reply = Reply(request, "adele.vance@contoso.test", ReplyOutcome.NoDecision, "No Approve or Reject on the first line.");
        reply.ApproverId = approver.Id;
        reply.Comment = null;
        reply.DecisiveLine = "Looks good to me, ship it";
        await InsertAsync(reply);
        return (request, reply);
    }

    private static AngleSharp.Dom.IElement ActionButton(IRenderedComponent<LiveInboxPage> page, string name) =>
        page.Find("[data-testid=reply-actions]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == name);

    [Fact]
    public async Task NoDecisionReply_OffersAllThree()
    {
        var (_, reply) = await NoDecisionReplyAsync();

        var page = Open(reply.Id);

        Assert.All(new[] { "Record Decision", "Reprocess", "Dismiss" }, name => Assert.False(ActionButton(page, name).HasAttribute("disabled")));
        Assert.Empty(page.FindAll("[data-testid=reply-action-why-not]"));
    }

    [Fact]
    public async Task ApprovedReply_RefusesEachActionWithTheReasonInWords()
    {
        var reply = Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line.");
        await InsertAsync(reply);

        var page = Open(reply.Id);

        Assert.True(ActionButton(page, "Record Decision").HasAttribute("disabled"));
        Assert.True(ActionButton(page, "Dismiss").HasAttribute("disabled"));
        var why = string.Join("\n", page.FindAll("[data-testid=reply-action-why-not]").Select(w => w.TextContent));
        Assert.Contains("Only a reply that decided nothing can have a decision recorded", why);
        Assert.Contains("nothing to dismiss", why);
    }

    [Fact]
    public async Task RecordDecision_WithAReason_DecidesTheRequestAndTheDrawerSaysWho()
    {
        var (request, reply) = await NoDecisionReplyAsync();
        var page = Open(reply.Id);

        await page.InvokeAsync(() => ActionButton(page, "Record Decision").Click());
        _dialogs.WaitForElement("input[type=radio]");
        await _dialogs.InvokeAsync(() => _dialogs.FindAll("input[type=radio]")[0].Click());
        Assert.Equal("Looks good to me, ship it", InputLabelled(_dialogs, "Comment").GetAttribute("value") ?? InputLabelled(_dialogs, "Comment").TextContent);
        await _dialogs.InvokeAsync(() => InputLabelled(_dialogs, "Reason").Input("Adele confirmed by phone."));
        await _dialogs.InvokeAsync(() => _dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Record Decision").Click());

        await page.WaitForAssertionAsync(async () =>
            Assert.Equal(ApprovalStatus.Approved, (await Domain.Get<ApprovalQueries>().GetViewAsync(request, CancellationToken.None))!.Status));
        page.WaitForAssertion(() => Assert.Contains("Decision recorded by support", page.Find("[data-testid=drawer-resolution]").TextContent));
        Assert.Contains("Adele confirmed by phone.", page.Find("[data-testid=drawer-resolution]").TextContent);
        page.WaitForAssertion(() => Assert.True(ActionButton(page, "Record Decision").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Dismiss_WithoutAReason_IsRefusedInTheDialogAndKeepsWhatWasTyped()
    {
        var (_, reply) = await NoDecisionReplyAsync();
        var page = Open(reply.Id);

        await page.InvokeAsync(() => ActionButton(page, "Dismiss").Click());
        _dialogs.WaitForElement(".mud-dialog-actions");
        await _dialogs.InvokeAsync(() => InputLabelled(_dialogs, "Reason").Input("   "));
        await _dialogs.InvokeAsync(() => _dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Dismiss").Click());

        _dialogs.WaitForAssertion(() => Assert.Contains("A reason is required", _dialogs.Markup));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Null((await db.ProcessedReplies.AsNoTracking().SingleAsync(r => r.Id == reply.Id)).Resolution);
    }

    [Fact]
    public async Task Dismiss_WithAReason_MarksTheReplyAndRefusesItAgain()
    {
        var (_, reply) = await NoDecisionReplyAsync();
        var page = Open(reply.Id);

        await page.InvokeAsync(() => ActionButton(page, "Dismiss").Click());
        _dialogs.WaitForElement(".mud-dialog-actions");
        await _dialogs.InvokeAsync(() => InputLabelled(_dialogs, "Reason").Input("Adele answered on the request page instead."));
        await _dialogs.InvokeAsync(() => _dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Dismiss").Click());

        page.WaitForAssertion(() => Assert.Contains("Dismissed by", page.Find("[data-testid=drawer-resolution]").TextContent));
        page.WaitForAssertion(() => Assert.True(ActionButton(page, "Dismiss").HasAttribute("disabled")));
        Assert.Contains("already dismissed", string.Join(" ", page.FindAll("[data-testid=reply-action-why-not]").Select(w => w.TextContent)));
    }
}
