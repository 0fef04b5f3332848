namespace FlexMail.Domain.Approvals;

/// <summary>How approval events appear in the audit log (the request's page lists its own).</summary>
public static class ApprovalAudit
{
    public const string Requested = "Approval requested";
    public const string Decided = "Approval decision recorded";
    public const string Approved = "Approval request approved";
    public const string Rejected = "Approval request rejected";
    public const string Expired = "Approval request expired";
    public const string Cancelled = "Approval request cancelled";
    public const string ReminderQueued = "Approval reminder queued";
    public const string MailFailed = "Approval mail failed";

    public static string Subject(Guid requestId) => $"Approval request {requestId}";
}
