using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Domain.Audit;

namespace FlexMail.Domain.Approvals;

/// <summary>What a list of requests is filtered, sorted and paged by (the API's query and the portal's grid).</summary>
public sealed record ApprovalListQuery
{
    public ApprovalStatus? Status { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>Only requests created at or after this moment.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only requests created before this moment.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only requests with this approver (any case, the whole address or a part of it).</summary>
    public string? Approver { get; init; }

    /// <summary>Words in the title, the requester or the external id.</summary>
    public string? Text { get; init; }

    public ApprovalSort SortBy { get; init; } = ApprovalSort.CreatedAt;

    public bool Descending { get; init; } = true;

    public int Skip { get; init; }

    public int Take { get; init; } = 50;

    public const int MaxTake = 200;
}

public enum ApprovalSort
{
    CreatedAt,
    Title,
    Status,
    ExpiresAt,
    RequestedBy,
}

/// <summary>One row of the list: enough for a grid without loading every request's details.</summary>
public sealed record ApprovalListItem(Guid Id, string Title, ApprovalStatus Status, string RequestedBy, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? ClosedAt, string? ExternalId, IReadOnlyList<string> Approvers, int Decisions, bool MailFailed);

public sealed record ApprovalListPage(IReadOnlyList<ApprovalListItem> Items, int TotalCount);

/// <summary>Everything the request's page shows: the view, each mail of the outbox, the webhook deliveries, the audit trail.</summary>
public sealed record ApprovalDetails(ApprovalView Approval, IReadOnlyList<ApprovalMailRow> Mails, IReadOnlyList<WebhookDeliveryRow> Webhooks,
    IReadOnlyList<AuditEvent> Trail);

public sealed record ApprovalMailRow(Guid Id, ApprovalMailKind Kind, string Recipient, ApprovalMailStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? InternetMessageId, string? FailureCode, string? FailureCause, string? FailureFix);

public sealed record WebhookDeliveryRow(Guid Id, string Event, string Url, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError, IReadOnlyList<WebhookAttempt> AttemptLog);

/// <summary>The dashboard's numbers.</summary>
public sealed record ApprovalCounts(int Pending, int DecidedToday, int FailedMails, int FailedWebhooks);

/// <summary>A pending request and the approvers it still waits for.</summary>
public sealed record PendingApproval(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, IReadOnlyList<PendingApprover> Waiting);

/// <summary>An approver who has not answered, and when FlexMail last sent them the approval mail or a reminder (null: not sent yet).</summary>
public sealed record PendingApprover(string Address, DateTimeOffset? LastMailedAt);
