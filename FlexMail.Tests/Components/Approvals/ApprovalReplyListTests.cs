using Bunit;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Portal.Features.Approvals;

namespace FlexMail.Tests.Components.Approvals;

/// <summary>The approval details page's Replies table: that request's processed replies only, each outcome in words.</summary>
public sealed class ApprovalReplyListTests : ApprovalComponentTest
{
    [Fact]
    public async Task Request_WithProcessedReplies_ListsOnlyItsOwnInWords()
    {
        var id = await CreateAsync("Deploy release 4.2");
        var other = await CreateAsync("Deploy release 4.3");
        await InsertAsync(Reply(id, "adele.vance@contoso.test", ReplyOutcome.NoDecision, "No approve or reject on the first line.", ReplyRemoval.Moved),
            Reply(id, "mallory@fabrikam.test", ReplyOutcome.Refused, "The sender is not the approver the mail went to.", ReplyRemoval.Pending),
            Reply(other, "lee.gu@contoso.test", ReplyOutcome.Approved, "Approve on the first line.", ReplyRemoval.Deleted));

        var list = Render<ApprovalReplyList>(p => p.Add(x => x.RequestId, id));

        var rows = list.WaitForElements("[data-testid=replies] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("adele.vance@contoso.test") && r.TextContent.Contains("No decision") && r.TextContent.Contains("Moved"));
        Assert.Contains(rows, r => r.TextContent.Contains("Refused") && r.TextContent.Contains("not the approver") && r.TextContent.Contains("removal pending"));
        Assert.DoesNotContain("lee.gu@contoso.test", list.Markup);
    }

    [Fact]
    public async Task Request_WithoutReplies_SaysSo()
    {
        var id = await CreateAsync("Deploy release 4.2");

        var list = Render<ApprovalReplyList>(p => p.Add(x => x.RequestId, id));

        list.WaitForAssertion(() => Assert.Contains("No reply to this request has been processed.", list.Markup));
    }

    private static ProcessedReply Reply(Guid requestId, string sender, ReplyOutcome outcome, string reason, ReplyRemoval removal)
    {
        var key = $"<{Guid.NewGuid():N}@contoso.test>";
        return new ProcessedReply
        {
            MessageKey = key,
            GraphMessageId = $"AAMk{Guid.NewGuid():N}",
            Sender = sender,
            ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            ProcessedAt = DateTimeOffset.UtcNow,
            Outcome = outcome,
            Reason = reason,
            ApprovalRequestId = requestId,
            Removal = removal,
        };
    }

    private async Task InsertAsync(params ProcessedReply[] replies)
    {
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        db.ProcessedReplies.AddRange(replies);
        await db.SaveChangesAsync();
    }
}
