namespace FlexMail.Domain.Approvals;

/// <summary>
/// What an integrator or a person asks for, before it is checked (<see cref="ApprovalRequestValidator"/>). The API's
/// JSON body and the portal's New Approval Request dialog both fill it, so both get the same checks and messages.
/// </summary>
public sealed record ApprovalRequestDraft
{
    public string? Title { get; init; }

    public string? Details { get; init; }

    public DetailsFormat DetailsFormat { get; init; } = DetailsFormat.Text;

    public IReadOnlyList<string> Approvers { get; init; } = [];

    public ApprovalPolicy Policy { get; init; } = ApprovalPolicy.AnyApprover;

    /// <summary>Approvals needed under <see cref="ApprovalPolicy.Quorum"/>; ignored (1) otherwise.</summary>
    public int? RequiredApprovals { get; init; }

    /// <summary>When it expires; null takes the default expiry (<see cref="ApprovalOptions.DefaultExpiry"/>).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public string? CallbackUrl { get; init; }

    public string? ExternalId { get; init; }

    public IReadOnlyList<MetadataEntry> Metadata { get; init; } = [];

    /// <summary>Where to tell the requester that the request expired unanswered (optional).</summary>
    public string? RequesterEmail { get; init; }

    /// <summary>Who asks, in the integrator's words (a pipeline's run, a person); the caller's name when empty.</summary>
    public string? RequestedBy { get; init; }
}

/// <summary>The field names problems name: the API's JSON property names, which the portal maps to its labels.</summary>
public static class ApprovalFields
{
    public const string Title = "title";
    public const string Details = "details";
    public const string Approvers = "approvers";
    public const string Policy = "policy";
    public const string RequiredApprovals = "requiredApprovals";
    public const string ExpiresAt = "expiresAt";
    public const string CallbackUrl = "callbackUrl";
    public const string ExternalId = "externalId";
    public const string Metadata = "metadata";
    public const string RequesterEmail = "requesterEmail";
    public const string RequestedBy = "requestedBy";
    public const string Approver = "approver";
    public const string Decision = "decision";
    public const string Comment = "comment";
    public const string Reason = "reason";

    public static string ApproverAt(int index) => $"{Approvers}[{index}]";

    public static string MetadataAt(int index) => $"{Metadata}[{index}]";
}
