using FlexMail.Domain.Approvals.Outbox;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// An approval request as integrators see it: the API's answers and the webhook's body (serialised with
/// <see cref="ApprovalJson.Options"/>: camelCase, enums as lower-camel strings such as <c>pending</c>).
/// </summary>
public sealed record ApprovalView
{
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public string? Details { get; init; }

    public required DetailsFormat DetailsFormat { get; init; }

    public required ApprovalStatus Status { get; init; }

    public required ApprovalPolicy Policy { get; init; }

    public required int RequiredApprovals { get; init; }

    public required string RequestedBy { get; init; }

    public required DecisionVia CreatedVia { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? ClosedReason { get; init; }

    public string? ExternalId { get; init; }

    public string? CallbackUrl { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required IReadOnlyList<ApproverView> Approvers { get; init; }

    public required IReadOnlyList<DecisionView> Decisions { get; init; }

    /// <summary>True when at least one approver's approval mail could not be sent (see each approver's mail).</summary>
    public required bool MailFailed { get; init; }
}

/// <summary>An approver and where their approval mail is.</summary>
public sealed record ApproverView(string Address, ApprovalMailStatus MailStatus, string? MailError, DecisionKind? Decision);

/// <summary>One decision: who, what, with which comment, when and how it reached FlexMail.</summary>
public sealed record DecisionView(string Approver, DecisionKind Decision, string? Comment, DateTimeOffset DecidedAt, DecisionVia Via,
    string RecordedBy, string? OnBehalfReason);
