using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Persistence;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Browser.PageModels;
using FlexMail.Tests.Integration.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>The approval loop in Chromium: a request made in the portal reaches its approver's sandbox mailbox with working buttons.</summary>
public sealed class ApprovalMailBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task NewApprovalRequest_InThePortal_ArrivesInTheApproversMailboxWithApproveAndRejectButtons()
    {
        await new ApprovalScenario(portal.Portal).ConnectAsync();
        var title = $"Deploy release 4.2 {Guid.NewGuid():N}"[..30];
        var page = await portal.OpenPageAsync();
        await page.GotoAsync(new Uri(portal.HttpsAddress, "approvals").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "New Approval Request", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await dialog.GetByLabel("Approvers", new() { Exact = true }).FillAsync(SandboxSeed.MeganBowen.Mail!);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create Approval Request", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();

        // The outbox worker sends it: wait on the outbox row, not on time.
        await WaitUntilSentAsync(title);
        var mail = new SandboxMailPageModel(page);
        await mail.GotoAsync(SandboxSeed.MeganBowen.Mail!);
        var subject = await page.Locator("tr[data-row^=\"[FlexMail] Approval required: " + title + "\"]").GetAttributeAsync("data-row");
        await mail.OpenAsync(subject!);

        await Assertions.Expect(mail.HtmlBody.GetByText(ApprovalMailComposer.Instruction)).ToBeVisibleAsync();
        var buttons = page.GetByTestId("mailto-links");
        await Assertions.Expect(buttons.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(buttons.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true })).ToBeVisibleAsync();
        await mail.AnswerByLinkAsync("Approve");
        await Assertions.Expect(mail.Dialog).ToHaveCountAsync(0);
        await mail.SwitchToAsync("Approvals (approvals@contoso.test), shared");
        await Assertions.Expect(mail.MessageRow($"Re: {subject}")).ToContainTextAsync("Megan Bowen");
    }

    private async Task WaitUntilSentAsync(string title)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<FlexMailDbContext>>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            var status = await (from m in db.ApprovalMails
                                join r in db.ApprovalRequests on m.ApprovalRequestId equals r.Id
                                where r.Title == title
                                select m.Status).SingleOrDefaultAsync(timeout.Token);
            Assert.NotEqual(ApprovalMailStatus.Failed, status);
            if (status == ApprovalMailStatus.Sent)
            {
                return;
            }
            await Task.Delay(100, timeout.Token);
        }
    }
}
