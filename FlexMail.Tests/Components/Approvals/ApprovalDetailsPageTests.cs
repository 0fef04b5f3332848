using Bunit;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Portal.Features.Approvals;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace FlexMail.Tests.Components.Approvals;

public sealed class ApprovalDetailsPageTests : ApprovalComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private IRenderedComponent<MudSnackbarProvider> _snackbars = null!;

    private IRenderedComponent<ApprovalDetailsPage> RenderPage(Guid id)
    {
        _dialogs = Context.Render<MudDialogProvider>();
        _snackbars = Context.Render<MudSnackbarProvider>();
        var page = Render<ApprovalDetailsPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=approval-summary]");
        return page;
    }

    /// <summary>One of the request's actions above the details (the approvers' rows have their own Send Reminder).</summary>
    private static AngleSharp.Dom.IElement Action(IRenderedComponent<ApprovalDetailsPage> page, string text) =>
        page.Find("[data-testid=approval-actions]").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task Page_ShowsTheRequestApproversMailFailuresWebhooksAndTrail()
    {
        var id = await CreateAsync(Draft("Deploy release 4.2", "adele.vance@contoso.test", "alex.wilber@contoso.test") with
        {
            Details = "Changes:\n\n- **billing** fixes\n- <script>alert(1)</script>",
            DetailsFormat = DetailsFormat.Markdown,
            Metadata = [new MetadataEntry("Release", "4.2")],
        });
        await FailMailAsync(id, "alex.wilber@contoso.test", "The mailbox may not send as the approvals address.", "Grant Send As to the service user.");
        await AddWebhookAsync(id, WebhookDeliveryStatus.Failed, (500, "Internal Server Error"), (null, "The connection was refused."));

        var page = RenderPage(id);

        Assert.Equal("Deploy release 4.2", page.Find("h1").TextContent.Trim());
        Assert.Contains("Pending", page.Find("[data-testid=approval-status]").TextContent);
        Assert.Contains("Release", page.Find("[data-testid=approval-metadata]").TextContent);
        var details = page.Find("[data-testid=approval-details]");
        Assert.NotNull(details.QuerySelector("strong"));
        Assert.Null(details.QuerySelector("script"));
        var failed = page.Find("tr[data-row='alex.wilber@contoso.test']");
        Assert.Contains("Failed", failed.QuerySelector("[data-testid=mail-status]")!.TextContent);
        Assert.Contains("may not send as the approvals address", failed.TextContent);
        Assert.Contains("Fix: Grant Send As to the service user.", failed.TextContent);
        Assert.Contains("Queued", page.Find("tr[data-row='adele.vance@contoso.test'] [data-testid=mail-status]").TextContent);
        Assert.Contains("Not decided yet", page.Find("tr[data-row='adele.vance@contoso.test']").TextContent);
        Assert.Contains("Failed", page.Find("[data-testid=webhook-status]").TextContent);
        var attempts = page.Find("[data-testid=webhook-attempts]").TextContent;
        Assert.Contains("500", attempts);
        Assert.Contains("The connection was refused.", attempts);
        Assert.Contains(ApprovalAudit.Requested, page.Find("[data-testid=audit-trail]").TextContent);
        Assert.False(Action(page, "Approve").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=actions-disabled]"));
    }

    [Fact]
    public async Task ClosedRequest_DisablesTheActions_AndSaysWhy()
    {
        var id = await CreateAsync("Withdrawn release");
        await Domain.Get<ApprovalLifecycle>().CancelAsync(id, "The release was withdrawn.", ApprovalOrigin.Portal(TestActors.Admin), CancellationToken.None);

        var page = RenderPage(id);

        foreach (var action in new[] { "Approve", "Reject", "Send Reminder", "Cancel Request" })
        {
            Assert.True(Action(page, action).HasAttribute("disabled"), $"{action} should be disabled");
        }
        var notice = page.Find("[data-testid=actions-disabled]").TextContent;
        Assert.Contains("This request is cancelled", notice);
        Assert.Contains("The release was withdrawn.", notice);
        Assert.Contains("The release was withdrawn.", page.Find("[data-testid=closed-reason]").TextContent);
    }

    [Fact]
    public async Task RecordDecision_WithoutAReason_IsRefusedUnderReason_AndKeepsTheComment()
    {
        var id = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test");
        var page = RenderPage(id);

        await page.InvokeAsync(() => Action(page, "Approve").Click());
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Comment").Input("Looks good"));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Record Approval").Click());

        _dialogs.WaitForAssertion(() => Assert.Contains("A reason is required",
            InputLabelled(_dialogs, "Reason").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent));
        Assert.Equal("Looks good", InputLabelled(_dialogs, "Comment").GetAttribute("value") ?? InputLabelled(_dialogs, "Comment").TextContent);
        _snackbars.WaitForAssertion(() => Assert.Contains("A reason is required", _snackbars.Markup));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.ApprovalDecisions.CountAsync());
    }

    [Fact]
    public async Task RecordDecision_WithAReason_ApprovesForTheApprover_AndNamesWhoRecordedIt()
    {
        var id = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test");
        var page = RenderPage(id);

        await page.InvokeAsync(() => Action(page, "Approve").Click());
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Reason").Input("Approved by phone"));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Record Approval").Click());

        page.WaitForAssertion(() => Assert.Contains("Approved", page.Find("[data-testid=approval-status]").TextContent));
        var decisions = page.Find("[data-testid=decisions]").TextContent;
        Assert.Contains("adele.vance@contoso.test", decisions);
        Assert.Contains("Approved by phone", decisions);
        Assert.Contains(TestActors.Admin.Name, decisions);
        Assert.Contains("Portal", decisions);
        Assert.True(Action(page, "Approve").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SendReminder_QueuesAReminderForEachUndecidedApprover()
    {
        var id = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test", "alex.wilber@contoso.test");
        var page = RenderPage(id);

        await page.InvokeAsync(() => Action(page, "Send Reminder").Click());

        _snackbars.WaitForAssertion(() => Assert.Contains("Reminder queued for adele.vance@contoso.test, alex.wilber@contoso.test", _snackbars.Markup));
        page.WaitForAssertion(() => Assert.Equal(2, page.Find("[data-testid=mails]").TextContent.Split("Reminder").Length - 1));
    }

    [Fact]
    public async Task Cancel_AfterConfirmationWithAReason_ClosesTheRequest()
    {
        var id = await CreateAsync("Deploy release 4.2");
        var page = RenderPage(id);

        await page.InvokeAsync(() => Action(page, "Cancel Request").Click());
        _dialogs.WaitForAssertion(() => InputLabelled(_dialogs, "Reason").Input("The release was withdrawn."));
        await _dialogs.InvokeAsync(() => Button(_dialogs, "Cancel Request").Click());

        page.WaitForAssertion(() => Assert.Contains("Cancelled", page.Find("[data-testid=approval-status]").TextContent));
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var request = await db.ApprovalRequests.SingleAsync();
        Assert.Equal(ApprovalStatus.Cancelled, request.Status);
        Assert.Contains("The release was withdrawn.", request.ClosedReason);
    }

    [Fact]
    public void UnknownId_SaysNotFound()
    {
        _dialogs = Context.Render<MudDialogProvider>();
        var page = Render<ApprovalDetailsPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Contains("Approval request not found", page.Markup));
    }
}
