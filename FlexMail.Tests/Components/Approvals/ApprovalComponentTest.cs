using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Components.Approvals;

/// <summary>The approval pages over the real domain: requests are created through <see cref="ApprovalService"/>, as the API does.</summary>
public abstract class ApprovalComponentTest : DomainComponentTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context.Services.AddSingleton(Domain.Get<IOptions<ApprovalOptions>>());
    }

    protected static ApprovalRequestDraft Draft(string title, params string[] approvers) => new()
    {
        Title = title,
        Approvers = approvers.Length == 0 ? ["adele.vance@contoso.test"] : approvers,
    };

    protected async Task<Guid> CreateAsync(ApprovalRequestDraft draft)
    {
        var created = await Domain.Get<ApprovalService>().CreateAsync(draft, ApprovalOrigin.Portal(TestActors.Admin), CancellationToken.None);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        return created.Value.Id;
    }

    protected Task<Guid> CreateAsync(string title, params string[] approvers) => CreateAsync(Draft(title, approvers));

    /// <summary>Marks the approver's approval mail failed, as the outbox sender does when Graph refuses it.</summary>
    protected async Task FailMailAsync(Guid requestId, string recipient, string cause, string fix)
    {
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var mail = await db.ApprovalMails.SingleAsync(m => m.ApprovalRequestId == requestId && m.Recipient == recipient && m.Kind == ApprovalMailKind.Request);
        mail.Status = ApprovalMailStatus.Failed;
        mail.Attempts = 8;
        mail.FailureCode = "ErrorSendAsDenied";
        mail.FailureCause = cause;
        mail.FailureFix = fix;
        await db.SaveChangesAsync();
    }

    /// <summary>Stores a webhook delivery with its attempts, as the webhook sender leaves it.</summary>
    protected async Task AddWebhookAsync(Guid requestId, WebhookDeliveryStatus status, params (int? StatusCode, string? Error)[] attempts)
    {
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var delivery = new WebhookDelivery
        {
            ApprovalRequestId = requestId,
            Event = "approval.closed",
            Url = "https://deploy.contoso.test/hooks/flexmail",
            Payload = "{}",
            Status = status,
            Attempts = attempts.Length,
            CreatedAt = now,
            LastStatusCode = attempts.LastOrDefault().StatusCode,
            LastError = attempts.LastOrDefault().Error,
        };
        delivery.AttemptLog.AddRange(attempts.Select((attempt, i) => new WebhookAttempt
        {
            AttemptedAt = now.AddMinutes(i),
            StatusCode = attempt.StatusCode,
            Error = attempt.Error,
            DurationMilliseconds = 120,
        }));
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
    }
}
