using System.Text.Json;
using Bunit;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Features.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexMail.Tests.Components.Inbox;

/// <summary>The detail drawer: why, the headers, the own text with the deciding line marked, the ignored quote, steps, the answer mail.</summary>
public sealed class ReplyDetailDrawerTests : InboxComponentTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IRenderedComponent<LiveInboxPage> Open(Guid reply)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"inbox?reply={reply}");
        Context.Render<MudDialogProvider>();
        var page = Render<LiveInboxPage>();
        page.WaitForElement("[data-testid=drawer-steps]");
        return page;
    }

    private static ProcessedReply Decided(Guid request)
    {
        var reply = Reply(request, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line.");
        reply.SenderName = "Adele Vance";
        reply.MatchedBy = "the token in the subject";
        reply.Decision = DecisionKind.Approve;
        reply.Comment = "release notes checked";
        reply.DecisiveLine = "Approve - release notes checked";
        reply.OwnText = "Hi,\nApprove - release notes checked\nThanks, Adele";
        reply.QuotedText = "On Tue, FlexMail wrote:\n> Approval required: Deploy release 4.2";
        reply.StepsJson = JsonSerializer.Serialize(new[]
        {
            new ReplyStep("classify", "A reply to a FlexMail approval mail.", 0.4),
            new ReplyStep("match", "Token FM-ABC matches Adele's approval mail.", 1.2),
            new ReplyStep("parse", "Approve on the first line.", 2.5),
        }, Json);
        reply.HeadersJson = JsonSerializer.Serialize(new[]
        {
            new ReplyHeader("From", "Adele Vance <adele.vance@contoso.test>"),
            new ReplyHeader("Authentication-Results", "contoso.test; dmarc=pass"),
            new ReplyHeader("In-Reply-To", "<flexmail-1@contoso.test>"),
        }, Json);
        return reply;
    }

    [Fact]
    public async Task Drawer_ShowsWhyTheHeadersTheMarkedLineTheQuoteAndEachStep()
    {
        var request = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test");
        var reply = Decided(request);
        await InsertAsync(reply);

        var page = Open(reply.Id);

        Assert.Contains("Approve on the first line.", page.Find("[data-testid=drawer-reason]").TextContent);
        Assert.Equal("the token in the subject", page.Find("[data-testid=drawer-match]").TextContent.Trim());
        Assert.Equal("Approve - release notes checked", page.Find("[data-testid=drawer-decisive-line]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=drawer-decisive-line]"));
        Assert.Contains("Thanks, Adele", page.Find("[data-testid=drawer-own-text]").TextContent);
        Assert.Contains("> Approval required: Deploy release 4.2", page.Find("[data-testid=drawer-quoted]").TextContent);
        var steps = page.FindAll("[data-testid=drawer-steps] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, steps.Count);
        Assert.Contains("match", steps[1]);
        Assert.Contains("1 ms", steps[1]);
        Assert.Contains("remove", steps[3]);
        var headers = page.Find("[data-testid=drawer-headers]").TextContent;
        Assert.Contains("dmarc=pass", headers);
        Assert.Contains("<flexmail-1@contoso.test>", headers);
        Assert.Contains("Deploy release 4.2", page.Find("[data-testid=drawer-facts]").TextContent);
        Assert.Equal("None sent.", page.Find("[data-testid=drawer-answer]").TextContent.Trim());
    }

    [Fact]
    public async Task MailText_IsShownAsText_NeverAsMarkup()
    {
        var reply = Reply(null, "mallory@fabrikam.test", ReplyOutcome.NoDecision, "No Approve or Reject on the first line.");
        reply.OwnText = "<img src=\"https://tracker.example/pixel.gif\"><script>alert(1)</script>Looks fine";
        reply.DecisiveLine = reply.OwnText;
        await InsertAsync(reply);

        var page = Open(reply.Id);

        var own = page.Find("[data-testid=drawer-own-text]");
        Assert.Empty(own.QuerySelectorAll("img"));
        Assert.Empty(own.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>Looks fine", own.TextContent);
    }

    [Fact]
    public async Task AnswerMail_IsShownWithItsSubjectTextAndState()
    {
        var request = await CreateAsync("Deploy release 4.2", "adele.vance@contoso.test");
        var reply = Reply(request, "adele.vance@contoso.test", ReplyOutcome.NoDecision, "No Approve or Reject on the first line.");
        var answer = new ApprovalMail
        {
            ApprovalRequestId = request,
            Kind = ApprovalMailKind.ReplyAnswer,
            Recipient = "adele.vance@contoso.test",
            Status = ApprovalMailStatus.Queued,
            CreatedAt = DateTimeOffset.UtcNow,
            AnswerSubject = "Your reply to Deploy release 4.2 was not used",
            AnswerText = "Reply with Approve or Reject on the first line.",
        };
        reply.AnswerMailId = answer.Id;
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            db.ApprovalMails.Add(answer);
            await db.SaveChangesAsync();
        }
        await InsertAsync(reply);

        var page = Open(reply.Id);

        var shown = page.Find("[data-testid=drawer-answer]").TextContent;
        Assert.Contains("Your reply to Deploy release 4.2 was not used", shown);
        Assert.Contains("Reply with Approve or Reject on the first line.", shown);
        Assert.Contains("queued", shown);
    }

    [Fact]
    public async Task Escape_ClosesTheDrawerAndTakesTheReplyOutOfTheAddress()
    {
        var reply = Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line.");
        await InsertAsync(reply);
        var page = Open(reply.Id);

        await page.InvokeAsync(() => page.Find(".inbox-drawer").KeyDown("Escape"));

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.DoesNotContain("reply=", navigation.Uri));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=drawer-steps]")));
    }

    [Fact]
    public async Task AChangeNamingTheOpenReply_ReadsItAgain()
    {
        var reply = Reply(null, "adele.vance@contoso.test", ReplyOutcome.Approved, "Approve on the first line.", removal: ReplyRemoval.Pending);
        await InsertAsync(reply);
        var page = Open(reply.Id);
        Assert.Contains("removal pending", page.Find("[data-testid=drawer-facts]").TextContent);

        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            (await db.ProcessedReplies.FindAsync(reply.Id))!.Removal = ReplyRemoval.Deleted;
            await db.SaveChangesAsync();
        }
        await PublishAsync([ReplyEvent.For(ReplyEventKind.Removed, reply, DateTimeOffset.UtcNow)]);

        page.WaitForAssertion(() => Assert.Contains("Deleted", page.Find("[data-testid=drawer-facts]").TextContent));
    }
}
