using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Approvals;

/// <summary>
/// Creates approval requests: checks the draft, answers the existing request for a repeated external id (409 for a
/// different body), and stores the request, its approvers and one outbox mail per approver in one transaction, so
/// that the caller is answered at once and the mails follow.
/// </summary>
public sealed class ApprovalService(
    IDbContextFactory<FlexMailDbContext> contexts, ApprovalOutbox outbox, InstallationCodes installation, AuditLog audit,
    IOptions<ApprovalOptions> options, TimeProvider clock)
{
    public async Task<Result<ApprovalCreated>> CreateAsync(ApprovalRequestDraft draft, ApprovalOrigin origin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var report = ApprovalRequestValidator.Validate(draft, now);
        if (!string.IsNullOrWhiteSpace(draft.CallbackUrl) && origin.ApiKeyId is null)
        {
            report = report.Merge(new ValidationReportBuilder().Error(ApprovalFields.CallbackUrl,
                "Callbacks are signed with the webhook secret of an API key: create the request with an API key (X-Api-Key), or leave the callback URL out and poll GET /api/v1/approvals/{id}.").Build());
        }
        if (report.HasErrors)
        {
            return new ValidationProblem(report);
        }

        var externalId = draft.ExternalId?.Trim();
        var fingerprint = Fingerprint(draft);
        if (externalId is not null && await ExistingAsync(externalId, fingerprint, cancellationToken) is { } existing)
        {
            return existing;
        }

        var code = await installation.GetAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = NewRequest(draft, origin, externalId, fingerprint, now);
        db.ApprovalRequests.Add(request);
        foreach (var approver in request.Approvers)
        {
            outbox.StageApprovalMail(db, request, approver, ApprovalMailKind.Request, code, now);
        }
        audit.Stage(db, origin.Actor, ApprovalAudit.Requested, ApprovalAudit.Subject(request.Id),
            $"'{request.Title}' for {string.Join(", ", request.Approvers.Select(a => a.Address))} via {origin.Via.ToString().ToLowerInvariant()}, expires {request.ExpiresAt:u}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (externalId is not null)
        {
            // Another call with the same external id committed first: answer as if this call had come second.
            if (await ExistingAsync(externalId, fingerprint, cancellationToken) is { } raced)
            {
                return raced;
            }
            throw;
        }
        outbox.Committed();
        return new ApprovalCreated(request.Id, AlreadyExisted: false);
    }

    private async Task<Result<ApprovalCreated>?> ExistingAsync(string externalId, string fingerprint, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.ApprovalRequests.AsNoTracking().Where(r => r.ExternalId == externalId)
            .Select(r => new { r.Id, r.Fingerprint }).SingleOrDefaultAsync(cancellationToken);
        return existing is null ? null
            : existing.Fingerprint == fingerprint ? new ApprovalCreated(existing.Id, AlreadyExisted: true)
            : Result<ApprovalCreated>.Failure(ApprovalProblems.ExternalIdConflict(externalId, existing.Id));
    }

    private ApprovalRequest NewRequest(ApprovalRequestDraft draft, ApprovalOrigin origin, string? externalId, string fingerprint, DateTimeOffset now)
    {
        var request = new ApprovalRequest
        {
            Title = draft.Title!.Trim(),
            Details = string.IsNullOrWhiteSpace(draft.Details) ? null : draft.Details,
            DetailsFormat = draft.DetailsFormat,
            RequestedBy = string.IsNullOrWhiteSpace(draft.RequestedBy) ? origin.Actor.Name : draft.RequestedBy.Trim(),
            RequestedById = origin.Actor.ObjectId,
            RequesterEmail = string.IsNullOrWhiteSpace(draft.RequesterEmail) ? null : draft.RequesterEmail.Trim(),
            CreatedVia = origin.Via,
            Metadata = [.. draft.Metadata.Select(entry => new MetadataEntry(entry.Key.Trim(), entry.Value ?? ""))],
            Policy = draft.Policy,
            RequiredApprovals = ApprovalRequestValidator.RequiredApprovalsOf(draft),
            Status = ApprovalStatus.Pending,
            CreatedAt = now,
            ExpiresAt = ApprovalRequestValidator.ExpiryOf(draft, now, options.Value),
            CallbackUrl = string.IsNullOrWhiteSpace(draft.CallbackUrl) ? null : draft.CallbackUrl.Trim(),
            ExternalId = externalId,
            Fingerprint = fingerprint,
            ApiKeyId = origin.ApiKeyId,
        };
        var position = 0;
        request.Approvers.AddRange(ApprovalRequestValidator.DistinctApprovers(draft.Approvers).Select(address => new ApprovalApprover
        {
            ApprovalRequestId = request.Id,
            Address = address,
            NormalizedAddress = ApprovalApprover.Normalize(address),
            Position = position++,
        }));
        return request;
    }

    /// <summary>What was asked, normalised the way the request stores it, hashed: equal for a retried call.</summary>
    internal static string Fingerprint(ApprovalRequestDraft draft)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            title = draft.Title?.Trim(),
            details = string.IsNullOrWhiteSpace(draft.Details) ? null : draft.Details,
            format = draft.DetailsFormat,
            approvers = ApprovalRequestValidator.DistinctApprovers(draft.Approvers).Select(ApprovalApprover.Normalize),
            policy = draft.Policy,
            required = ApprovalRequestValidator.RequiredApprovalsOf(draft),
            expiresAt = draft.ExpiresAt?.ToUniversalTime(),
            callback = string.IsNullOrWhiteSpace(draft.CallbackUrl) ? null : draft.CallbackUrl.Trim(),
            metadata = draft.Metadata.Select(entry => new[] { entry.Key.Trim(), entry.Value ?? "" }),
            requester = draft.RequesterEmail?.Trim().ToLowerInvariant(),
            requestedBy = draft.RequestedBy?.Trim(),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
