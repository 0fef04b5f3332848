namespace FlexMail.Domain.Approvals;

/// <summary>An approver of one request, by email address (unique per request, compared case-insensitively).</summary>
public sealed class ApprovalApprover
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ApprovalRequestId { get; set; }

    /// <summary>The address as given.</summary>
    public required string Address { get; set; }

    /// <summary>The address lower-cased: what uniqueness and sender checks compare.</summary>
    public required string NormalizedAddress { get; set; }

    /// <summary>The order in which the approvers were given.</summary>
    public int Position { get; set; }

    public static string Normalize(string address) => address.Trim().ToLowerInvariant();
}
