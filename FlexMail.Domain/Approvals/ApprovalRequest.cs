namespace FlexMail.Domain.Approvals;

/// <summary>
/// Something an integrator (a pipeline, a person in the portal) asks approvers to approve or reject. It starts
/// <see cref="ApprovalStatus.Pending"/> and ends once: approved or rejected by its approvers' decisions under its
/// <see cref="Policy"/>, expired, or cancelled. Its decisions are unique per approver in the database.
/// </summary>
public sealed class ApprovalRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Title { get; set; }

    /// <summary>What is asked, as plain text or Markdown (<see cref="DetailsFormat"/>); rendered safely, never as raw HTML.</summary>
    public string? Details { get; set; }

    public DetailsFormat DetailsFormat { get; set; }

    /// <summary>Who asked: the API key's name, the signed-in person, or the pipeline's own words.</summary>
    public required string RequestedBy { get; set; }

    /// <summary>The asker's object id (a person or an Entra application) or the API key id; null when unknown.</summary>
    public string? RequestedById { get; set; }

    /// <summary>Where to tell the requester that the request expired; null when nobody is to be told.</summary>
    public string? RequesterEmail { get; set; }

    /// <summary>How the request came in.</summary>
    public DecisionVia CreatedVia { get; set; }

    /// <summary>The environment / pipeline context (environment, release, build ...), in the order given.</summary>
    public List<MetadataEntry> Metadata { get; set; } = [];

    public ApprovalPolicy Policy { get; set; }

    /// <summary>How many approvals end it as approved: 1 under <see cref="ApprovalPolicy.AnyApprover"/>.</summary>
    public int RequiredApprovals { get; set; } = 1;

    public ApprovalStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When it left <see cref="ApprovalStatus.Pending"/>.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Why it closed, in words (the deciding approver, who cancelled and why, expired unanswered).</summary>
    public string? ClosedReason { get; set; }

    /// <summary>Where its outcome is POSTed (https, or http on localhost); signed with <see cref="ApiKeyId"/>'s webhook secret.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>The integrator's own id for it: creating again with it answers this request instead of a new one.</summary>
    public string? ExternalId { get; set; }

    /// <summary>SHA-256 (hex) of what was asked, to tell a repeated creation from a conflicting one with the same <see cref="ExternalId"/>.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The API key that created it, whose webhook secret signs its callbacks.</summary>
    public Guid? ApiKeyId { get; set; }

    /// <summary>Changes on every state change, so that two deciders cannot both close the request.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ApprovalApprover> Approvers { get; set; } = [];

    public List<ApprovalDecision> Decisions { get; set; } = [];

    public bool IsClosed => Status != ApprovalStatus.Pending;
}

/// <summary>One key-value pair of a request's context (<c>environment = production</c>).</summary>
public sealed record MetadataEntry(string Key, string Value);

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Expired,
    Cancelled,
}

/// <summary>How decisions end a request.</summary>
public enum ApprovalPolicy
{
    /// <summary>The first approver's decision ends it (the default).</summary>
    AnyApprover,

    /// <summary><see cref="ApprovalRequest.RequiredApprovals"/> approvals approve it; any rejection rejects it.</summary>
    Quorum,
}

public enum DetailsFormat
{
    Text,
    Markdown,
}
