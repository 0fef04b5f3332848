using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Webhooks;

/// <summary>The webhook secret of the API key that created a request; null when there is none or the key was revoked.</summary>
public sealed class WebhookSecrets(IDbContextFactory<FlexMailDbContext> contexts, ApiKeyService apiKeys)
{
    public async Task<string?> ForRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apiKeyId = await db.ApprovalRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.ApiKeyId).SingleOrDefaultAsync(cancellationToken);
        return apiKeyId is { } id ? await apiKeys.GetWebhookSecretAsync(id, cancellationToken) : null;
    }
}
