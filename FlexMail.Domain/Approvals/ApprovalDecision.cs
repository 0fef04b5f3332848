namespace FlexMail.Domain.Approvals;

/// <summary>
/// One approver's decision on one request: at most one per approver (a unique index), whoever records it — the
/// approver's reply, a person in the portal acting for them (with a reason), or an integrator through the API.
/// </summary>
public sealed class ApprovalDecision
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApprovalRequestId { get; set; }

    public Guid ApproverId { get; set; }

    public DecisionKind Decision { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public DecisionVia Via { get; set; }

    /// <summary>Who recorded it: the approver's address for a reply, the signed-in person, the API key or application.</summary>
    public required string RecordedBy { get; set; }

    public string? RecordedById { get; set; }

    /// <summary>Why someone decided for the approver (required in the portal), or null.</summary>
    public string? OnBehalfReason { get; set; }
}

public enum DecisionKind
{
    Approve,
    Reject,
}

/// <summary>How something reached FlexMail.</summary>
public enum DecisionVia
{
    Email,
    Portal,
    Api,
}
