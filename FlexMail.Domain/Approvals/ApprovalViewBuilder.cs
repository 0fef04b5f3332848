using FlexMail.Domain.Approvals.Outbox;

namespace FlexMail.Domain.Approvals;

/// <summary>Builds the integrator's view of a request from its entity (with approvers and decisions) and its approval mails.</summary>
public static class ApprovalViewBuilder
{
    public static ApprovalView Build(ApprovalRequest request, IReadOnlyList<ApprovalMail> mails)
    {
        var approvers = request.Approvers.OrderBy(approver => approver.Position).ToList();
        var byId = approvers.ToDictionary(approver => approver.Id);
        var approverViews = approvers.Select(approver =>
        {
            // The first approval mail says whether the approver was reached; a reminder's state is shown on the request's page.
            var mail = mails.Where(m => m.ApproverId == approver.Id && m.Kind == ApprovalMailKind.Request).OrderBy(m => m.CreatedAt).FirstOrDefault();
            var decision = request.Decisions.FirstOrDefault(d => d.ApproverId == approver.Id);
            return new ApproverView(approver.Address, mail?.Status ?? ApprovalMailStatus.Queued,
                mail?.Status == ApprovalMailStatus.Failed ? $"{mail.FailureCause} {mail.FailureFix}".Trim() : null, decision?.Decision);
        }).ToList();
        return new ApprovalView
        {
            Id = request.Id,
            Title = request.Title,
            Details = request.Details,
            DetailsFormat = request.DetailsFormat,
            Status = request.Status,
            Policy = request.Policy,
            RequiredApprovals = request.RequiredApprovals,
            RequestedBy = request.RequestedBy,
            CreatedVia = request.CreatedVia,
            CreatedAt = request.CreatedAt,
            ExpiresAt = request.ExpiresAt,
            ClosedAt = request.ClosedAt,
            ClosedReason = request.ClosedReason,
            ExternalId = request.ExternalId,
            CallbackUrl = request.CallbackUrl,
            Metadata = request.Metadata.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal),
            Approvers = approverViews,
            Decisions = [.. request.Decisions.OrderBy(d => d.DecidedAt).Select(d => new DecisionView(
                byId.TryGetValue(d.ApproverId, out var approver) ? approver.Address : "", d.Decision, d.Comment, d.DecidedAt, d.Via, d.RecordedBy, d.OnBehalfReason))],
            MailFailed = approverViews.Any(view => view.MailStatus == ApprovalMailStatus.Failed),
        };
    }
}
