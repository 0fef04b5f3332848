using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Browser.PageModels;
using FlexMail.Tests.Integration.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>
/// The approval loop in Chromium: a request made in the portal reaches its approver's sandbox mailbox with working
/// buttons, the approver's reply lands in the reply folder, and the reply monitor decides it within its poll interval.
/// </summary>
public sealed class ApprovalMailBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task NewApprovalRequest_InThePortal_ArrivesWithButtons_AndTheApproveReplyIsDecided()
    {
        await new ApprovalScenario(portal.Portal).ConnectAsync();
        await PollEveryFiveSecondsAsync();
        var title = $"Deploy release 4.2 {Guid.NewGuid():N}"[..30];
        var page = await portal.OpenPageAsync();
        await page.GotoAsync(new Uri(portal.HttpsAddress, "approvals").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "New Approval Request", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await dialog.GetByLabel("Approvers", new() { Exact = true }).FillAsync(SandboxSeed.MeganBowen.Mail!);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create Approval Request", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var details = page.Url;

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
        // The inbox rule files the reply in Inbox/FlexMail Replies; the reply monitor (poll interval 5 s) decides it and
        // moves the mail to the processed folder: the request's page says so after a reload.
        await page.GotoAsync(details);
        var replies = page.GetByTestId("replies");
        await Assertions.Expect(replies).ToBeVisibleAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await replies.GetByRole(AriaRole.Cell, new() { Name = "Approved", Exact = true }).IsVisibleAsync())
        {
            await Task.Delay(500, timeout.Token);
            await page.ReloadAsync();
            await Assertions.Expect(replies).ToBeVisibleAsync();
        }
        await Assertions.Expect(replies).ToContainTextAsync("Moved");
    }

    private async Task PollEveryFiveSecondsAsync()
    {
        var settings = portal.Services.GetRequiredService<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(CancellationToken.None);
        draft.PollIntervalSeconds = 5;
        Assert.True((await settings.SaveAsync(draft, ApprovalScenario.Pipeline, CancellationToken.None)).Succeeded);
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
