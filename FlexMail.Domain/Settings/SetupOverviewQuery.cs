using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Settings;

/// <summary>Reads the <see cref="SetupOverview"/> in one short-lived context.</summary>
public sealed class SetupOverviewQuery(IDbContextFactory<FlexMailDbContext> contexts, TimeProvider clock)
{
    private static readonly TimeSpan NoticeWindow = TimeSpan.FromDays(30);

    public async Task<SetupOverview> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.EmailSettings.AsNoTracking()
            .SingleOrDefaultAsync(row => row.Id == EmailSettings.SingletonId, cancellationToken);
        var authorizations = await db.MailboxAuthorizations.AsNoTracking()
            .OrderBy(authorization => authorization.Role)
            .Select(authorization => new AuthorizationSummary(
                authorization.Role,
                authorization.UserPrincipalName,
                authorization.Status,
                authorization.StatusReason,
                authorization.AuthorizedAt,
                authorization.LastRefreshedAt))
            .ToListAsync(cancellationToken);

        return new SetupOverview(
            HasEmailSettings: settings is not null,
            SmtpUser: settings?.SmtpUser,
            SmtpFromAddress: settings?.SmtpFromAddress,
            EmailApprovalEnabled: settings?.EmailApprovalEnabled ?? false,
            OAuthApplicationCount: await db.OAuthApplications.CountAsync(cancellationToken),
            CredentialCount: await db.Credentials.CountAsync(cancellationToken),
            Authorizations: authorizations,
            ExpiryNotices: await ExpiryNoticesAsync(db, cancellationToken));
    }

    private async Task<IReadOnlyList<ExpiryNotice>> ExpiryNoticesAsync(FlexMailDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + NoticeWindow;
        var secrets = await db.OAuthApplications.AsNoTracking()
            .Where(a => a.ProtectedClientSecret != null && a.ClientSecretExpiresOn != null)
            .Select(a => new { a.Name, a.ClientSecretExpiresOn })
            .ToListAsync(cancellationToken);
        var certificates = await db.Credentials.AsNoTracking()
            .Where(c => c.Type == Credentials.CredentialType.Certificate && c.NotAfter != null && c.NotAfter <= horizon)
            .Select(c => new { c.Id, c.Name, c.NotAfter })
            .ToListAsync(cancellationToken);
        var usedCertificates = (await db.OAuthApplications.AsNoTracking()
            .Where(a => a.CertificateCredentialId != null)
            .Select(a => a.CertificateCredentialId!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();
        return
        [
            .. secrets
                .Select(s => (s.Name, At: new DateTimeOffset(s.ClientSecretExpiresOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
                .Where(s => s.At <= horizon)
                .Select(s => new ExpiryNotice($"Client secret of {s.Name}", s.At, s.At <= now)),
            .. certificates.Select(c => usedCertificates.Contains(c.Id)
                ? new ExpiryNotice($"Certificate {c.Name}", c.NotAfter!.Value, c.NotAfter <= now)
                : new ExpiryNotice($"Certificate {c.Name} (unused)", c.NotAfter!.Value, c.NotAfter <= now, Unused: true)),
        ];
    }
}
