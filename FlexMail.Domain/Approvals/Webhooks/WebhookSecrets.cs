using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Approvals.Webhooks;

/// <summary>The webhook secret of the API key that created a request; null when the key is gone or revoked.</summary>
public sealed class WebhookSecrets(IDbContextFactory<FlexMailDbContext> contexts, ISecretProtector protector)
{
    public async Task<string?> ForRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await (from request in db.ApprovalRequests
                         join apiKey in db.ApiKeys on request.ApiKeyId equals apiKey.Id
                         where request.Id == requestId && apiKey.RevokedAt == null
                         select apiKey.ProtectedWebhookSecret).SingleOrDefaultAsync(cancellationToken);
        return key is null ? null : protector.Unprotect(key);
    }
}
