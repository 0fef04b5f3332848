namespace FlexMail.Domain.Approvals;

/// <summary>A decision to record for one of a request's approvers.</summary>
/// <param name="Approver">The approver's email address (any case).</param>
/// <param name="OnBehalfReason">Why someone else records it; required in the portal.</param>
public sealed record DecisionCommand(string Approver, DecisionKind Decision, string? Comment, string? OnBehalfReason = null);

/// <summary>A created (or, for a repeated external id, the existing) approval request.</summary>
public sealed record ApprovalCreated(Guid Id, bool AlreadyExisted);
