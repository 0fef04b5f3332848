using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Replies;

namespace FlexMail.Tests.Domain.Approvals.Replies;

/// <summary>Which support actions a reply allows, and the words for why not.</summary>
public sealed class ReplyActionsTests
{
    [Fact]
    public void Of_UnresolvedNoDecisionOnPendingRequest_AllowsAllThree()
    {
        var actions = ReplyActions.Of(Row(ReplyOutcome.NoDecision), ApprovalStatus.Pending, approverDecided: false);

        Assert.True(actions.RecordDecision.IsAvailable && actions.Reprocess.IsAvailable && actions.Dismiss.IsAvailable);
    }

    [Theory]
    [InlineData(ReplyOutcome.Approved, "this one is approved")]
    [InlineData(ReplyOutcome.Duplicate, "this one is duplicate")]
    public void Of_DecidingOrDuplicateReply_NoRecordDecisionNorReprocess(ReplyOutcome outcome, string words)
    {
        var actions = ReplyActions.Of(Row(outcome), ApprovalStatus.Pending, approverDecided: false);

        Assert.Contains(words, actions.RecordDecision.WhyNot);
        Assert.Contains(words, actions.Reprocess.WhyNot);
        Assert.Equal(outcome == ReplyOutcome.Duplicate, actions.Dismiss.IsAvailable);
    }

    [Fact]
    public void Of_ClosedRequestOrDecidedApprover_NoRecordDecisionWithTheReason()
    {
        var row = Row(ReplyOutcome.NoDecision);

        Assert.Contains("already expired", ReplyActions.Of(row, ApprovalStatus.Expired, approverDecided: false).RecordDecision.WhyNot);
        Assert.Contains("already decided", ReplyActions.Of(row, ApprovalStatus.Pending, approverDecided: true).RecordDecision.WhyNot);
        Assert.Contains("not matched", ReplyActions.Of(row, null, approverDecided: false).RecordDecision.WhyNot);
    }

    [Fact]
    public void Of_Reprocessed_MayStillBeDismissedOrReprocessed_Dismissed_Nothing()
    {
        var reprocessed = Row(ReplyOutcome.Refused, ReplyResolution.Reprocessed);
        var dismissed = Row(ReplyOutcome.Refused, ReplyResolution.Dismissed);

        Assert.True(ReplyActions.Of(reprocessed, null, false).Dismiss.IsAvailable);
        Assert.True(ReplyActions.Of(reprocessed, null, false).Reprocess.IsAvailable);
        var none = ReplyActions.Of(dismissed, ApprovalStatus.Pending, false);
        Assert.All([none.RecordDecision, none.Reprocess, none.Dismiss], state => Assert.Contains("already dismissed by Sam", state.WhyNot));
    }

    private static ProcessedReply Row(ReplyOutcome outcome, ReplyResolution? resolution = null) => new()
    {
        MessageKey = "<a@b>", GraphMessageId = "AAMk1", Reason = "", Outcome = outcome, ApprovalRequestId = Guid.NewGuid(), ApproverId = Guid.NewGuid(),
        Resolution = resolution, ResolvedBy = resolution is null ? null : "Sam", ResolvedAt = resolution is null ? null : DateTimeOffset.UtcNow,
    };
}
