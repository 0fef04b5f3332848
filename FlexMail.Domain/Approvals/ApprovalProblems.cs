namespace FlexMail.Domain.Approvals;

/// <summary>Why an approval operation was refused: stable codes (the API maps them to HTTP statuses) with cause and fix.</summary>
public static class ApprovalProblems
{
    public const string NotFoundCode = "ApprovalNotFound";
    public const string ClosedCode = "ApprovalClosed";
    public const string NotAnApproverCode = "NotAnApprover";
    public const string AlreadyDecidedCode = "AlreadyDecided";
    public const string ExternalIdConflictCode = "ExternalIdConflict";
    public const string ReasonRequiredCode = "ReasonRequired";

    public static Problem NotFound(Guid id) => new(NotFoundCode, $"There is no approval request {id}.",
        "Check the id: it is the one answered when the request was created (the Location header).");

    public static Problem Closed(ApprovalRequest request) => new(ClosedCode,
        $"The approval request is already {request.Status.ToString().ToLowerInvariant()} ({request.ClosedReason}), so it takes no further decisions.",
        "Nothing to do: create a new approval request if a new decision is needed.");

    public static Problem NotAnApprover(string approver) => new(NotAnApproverCode,
        $"'{approver}' is not an approver of this request.", "Name one of the request's approvers (their email address).", ApprovalFields.Approver);

    public static Problem AlreadyDecided(string approver, DecisionKind decision) => new(AlreadyDecidedCode,
        $"{approver} has already decided ({(decision == DecisionKind.Approve ? "approved" : "rejected")}): each approver decides once.",
        "Nothing to do: the first decision stands.", ApprovalFields.Approver);

    public static Problem ExternalIdConflict(string externalId, Guid existing) => new(ExternalIdConflictCode,
        $"An approval request with the external id '{externalId}' already exists ({existing}) and asks for something else.",
        "Send exactly the same request to get the existing one back, or use a new external id for a new request.", ApprovalFields.ExternalId);

    public static Problem ReasonRequired() => new(ReasonRequiredCode,
        "A reason is required when you decide for an approver.", "Say why you record this decision for them (e.g. \"Approved by phone\").",
        ApprovalFields.Reason);
}
