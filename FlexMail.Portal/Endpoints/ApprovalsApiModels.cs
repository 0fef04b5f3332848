using System.ComponentModel;
using System.Text.Json.Serialization;
using FlexMail.Domain.Approvals;

namespace FlexMail.Portal.Endpoints;

/// <summary>The body of <c>POST /api/v1/approvals</c>: what to ask whom. Only <see cref="Title"/> and <see cref="Approvers"/> are required.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateApprovalBody
{
    [Description("The mail's subject, one line, at most 200 characters, e.g. \"Deploy release 4.2 to production\".")]
    public string? Title { get; init; }

    [Description("What is asked, as plain text or Markdown (see detailsFormat), at most 20,000 characters.")]
    public string? Details { get; init; }

    [Description("How the details are written: text (the default) or markdown.")]
    public DetailsFormat? DetailsFormat { get; init; }

    [Description("The approvers' email addresses (1 to 50); each gets their own approval mail.")]
    public IReadOnlyList<string>? Approvers { get; init; }

    [Description("anyApprover (the default): the first decision ends the request; quorum: requiredApprovals approvals approve it, any rejection rejects it.")]
    public ApprovalPolicy? Policy { get; init; }

    [Description("Approvals needed under the quorum policy (default: all approvers); ignored otherwise.")]
    public int? RequiredApprovals { get; init; }

    [Description("When the request expires unanswered: 5 minutes to 90 days from now; the installation's default when left out.")]
    public DateTimeOffset? ExpiresAt { get; init; }

    [Description("Where FlexMail POSTs the outcome, signed with the API key's webhook secret (https, or http on localhost). Needs an API key.")]
    public string? CallbackUrl { get; init; }

    [Description("Your own id for the request (at most 200 characters): sending the same body with it again answers the existing request (200) instead of a new one.")]
    public string? ExternalId { get; init; }

    [Description("Context for the approvers (environment, release, build ...), shown in the mail in this order.")]
    public IReadOnlyDictionary<string, string?>? Metadata { get; init; }

    [Description("Where to tell the requester that the request expired unanswered (optional).")]
    public string? RequesterEmail { get; init; }

    [Description("Who asks, in your words (a pipeline's run, a person); the caller's name when left out.")]
    public string? RequestedBy { get; init; }

    public ApprovalRequestDraft ToDraft() => new()
    {
        Title = Title,
        Details = Details,
        DetailsFormat = DetailsFormat ?? Domain.Approvals.DetailsFormat.Text,
        Approvers = Approvers ?? [],
        Policy = Policy ?? ApprovalPolicy.AnyApprover,
        RequiredApprovals = RequiredApprovals,
        ExpiresAt = ExpiresAt,
        CallbackUrl = CallbackUrl,
        ExternalId = ExternalId,
        Metadata = [.. (Metadata ?? new Dictionary<string, string?>()).Select(entry => new MetadataEntry(entry.Key, entry.Value ?? ""))],
        RequesterEmail = RequesterEmail,
        RequestedBy = RequestedBy,
    };
}

/// <summary>The body of <c>POST /api/v1/approvals/{id}/decisions</c>: one approver's decision.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DecisionBody
{
    [Description("The approver's email address (any case): one of the request's approvers.")]
    public string? Approver { get; init; }

    [Description("approve or reject.")]
    public DecisionKind? Decision { get; init; }

    [Description("Why, in the approver's words (optional, at most 4000 characters).")]
    public string? Comment { get; init; }
}

/// <summary>The body of <c>POST /api/v1/approvals/{id}/cancel</c> (optional).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CancelBody
{
    [Description("Why the request is withdrawn (optional, at most 1000 characters); shown as its closed reason.")]
    public string? Reason { get; init; }
}

/// <summary>The body of <c>POST /api/v1/approvals/{id}/reminders</c> (optional).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReminderBody
{
    [Description("Remind only this approver; every approver who has not decided when left out.")]
    public string? Approver { get; init; }
}

/// <summary>A recorded decision and the request as it stands after it (closed when the decision ended it).</summary>
public sealed record DecisionRecorded(DecisionView Decision, ApprovalView Approval);

/// <summary>The approvers a reminder was queued for (each gets a new mail with a fresh reply token).</summary>
public sealed record RemindersQueued(IReadOnlyList<string> Reminded);

/// <summary>One page of approval requests, newest first, and the address of the next page when there is one.</summary>
public sealed record ApprovalPage(IReadOnlyList<ApprovalListItem> Items, int Page, int PageSize, int TotalCount, string? Next);
