namespace FlexMail.Domain.Approvals;

/// <summary>The policies' rules: when a request's decisions end it, and how.</summary>
public static class ApprovalPolicies
{
    /// <summary>The outcome the decisions so far give a pending request, or null while it must wait for more.</summary>
    public static ApprovalStatus? Outcome(ApprovalRequest request)
    {
        if (request.Decisions.Count == 0)
        {
            return null;
        }
        if (request.Policy == ApprovalPolicy.AnyApprover)
        {
            return request.Decisions[0].Decision == DecisionKind.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        }
        if (request.Decisions.Any(d => d.Decision == DecisionKind.Reject))
        {
            return ApprovalStatus.Rejected;
        }
        return request.Decisions.Count(d => d.Decision == DecisionKind.Approve) >= request.RequiredApprovals ? ApprovalStatus.Approved : null;
    }
}
