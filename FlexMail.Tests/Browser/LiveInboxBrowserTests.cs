using FlexMail.Domain.Approvals;
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
/// The Live Inbox in Chromium: a support person keeps it open while an approver replies in the sandbox Mail client; the
/// reply's row appears by itself, decided, and the drawer shows the line that decided. A reply without a keyword appears
/// as No decision, and Record decision ends the request.
/// </summary>
public sealed class LiveInboxBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task SupportWatchesTheInbox_AnApproverReplies_TheRowAppearsDecidedWithoutAReload()
    {
        var (inbox, _, title) = await ReplyWhileSupportWatchesAsync("5", "Approve - release notes checked");

        var row = inbox.Row(SandboxSeed.MeganBowen.Mail!, title);
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(row.GetByTestId("reply-outcome")).ToHaveTextAsync("Approved");
        await inbox.OpenAsync(row);
        await Assertions.Expect(inbox.DecisiveLine).ToHaveTextAsync("Approve - release notes checked");
        await Assertions.Expect(inbox.Drawer.GetByTestId("drawer-match")).Not.ToHaveTextAsync("Not matched to an approval mail");
    }

    [Fact]
    public async Task AReplyWithoutAKeyword_AppearsAsNoDecision_AndRecordDecisionEndsTheRequest()
    {
        var (inbox, request, title) = await ReplyWhileSupportWatchesAsync("6", "Looks good to me, ship it");

        var row = inbox.Row(SandboxSeed.MeganBowen.Mail!, title);
        await Assertions.Expect(row.GetByTestId("reply-outcome")).ToHaveTextAsync("No decision", new() { Timeout = 60_000 });
        await inbox.OpenAsync(row);
        await Assertions.Expect(inbox.Drawer.GetByTestId("drawer-reason")).ToContainTextAsync("first line");
        await inbox.RecordDecisionAsync("Approve", "Megan confirmed by phone that she meant Approve.");

        await Assertions.Expect(inbox.Drawer.GetByTestId("drawer-resolution")).ToContainTextAsync("Decision recorded by support");
        await WaitForStatusAsync(request, ApprovalStatus.Approved);
    }

    /// <summary>
    /// A request to Megan, its mail sent; Alex (Support) opens the Live Inbox; then Megan answers <paramref name="text"/>
    /// in the sandbox Mail client, in another browser context.
    /// </summary>
    private async Task<(LiveInboxPageModel Inbox, Guid Request, string Title)> ReplyWhileSupportWatchesAsync(string release, string text)
    {
        var scenario = new ApprovalScenario(portal.Portal);
        await scenario.ConnectAsync();
        await PollEveryFiveSecondsAsync();
        var title = $"Deploy release {release}.{Guid.NewGuid():N}"[..28];
        var request = await scenario.CreateAsync(title, SandboxSeed.MeganBowen);
        await WaitUntilSentAsync(request);

        var inbox = new LiveInboxPageModel(await portal.OpenPageAsync(SandboxSeed.AlexWilber));
        await inbox.GotoAsync();
        var approver = await portal.OpenPageAsync();
        var mail = new SandboxMailPageModel(approver);
        await mail.GotoAsync(SandboxSeed.MeganBowen.Mail!);
        await mail.OpenAsync(await SubjectAsync(approver, title));
        await mail.ReplyAsync(text);
        return (inbox, request, title);
    }

    /// <summary>The approval mail's full subject in the open mailbox (it ends with the reply token).</summary>
    private static async Task<string> SubjectAsync(IPage page, string title) =>
        (await page.Locator($"tr[data-row^=\"[FlexMail] Approval required: {title}\"]").GetAttributeAsync("data-row"))!;

    private async Task PollEveryFiveSecondsAsync()
    {
        var settings = portal.Services.GetRequiredService<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(CancellationToken.None);
        draft.PollIntervalSeconds = 5;
        Assert.True((await settings.SaveAsync(draft, ApprovalScenario.Pipeline, CancellationToken.None)).Succeeded);
    }

    private async Task WaitUntilSentAsync(Guid request)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<FlexMailDbContext>>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            var status = await db.ApprovalMails.Where(m => m.ApprovalRequestId == request).Select(m => m.Status).SingleOrDefaultAsync(timeout.Token);
            Assert.NotEqual(ApprovalMailStatus.Failed, status);
            if (status == ApprovalMailStatus.Sent)
            {
                return;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private async Task WaitForStatusAsync(Guid request, ApprovalStatus expected)
    {
        var queries = portal.Services.GetRequiredService<ApprovalQueries>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await queries.GetViewAsync(request, timeout.Token))?.Status != expected)
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
