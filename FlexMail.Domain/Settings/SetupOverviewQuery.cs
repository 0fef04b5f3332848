using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Settings;

/// <summary>Reads the <see cref="SetupOverview"/> (settings, applications, authorizations, last test, expiries) in one short-lived context.</summary>
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
                authorization.LastRefreshedAt,
                authorization.OAuthApplicationId))
            .ToListAsync(cancellationToken);
        Guid?[] used = [settings?.SmtpOAuthApplicationId, settings is { IncomingSameAsOutgoing: false } ? settings.ImapOAuthApplicationId : null];
        var outgoingApplication = settings?.SmtpOAuthApplicationId is { } outgoingId
            ? await db.OAuthApplications.AsNoTracking().Where(a => a.Id == outgoingId).Select(a => new { a.PermissionMode }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var lastRun = await db.EmailConfigurationTestRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.FinishedAt).ThenBy(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);

        return new SetupOverview(
            HasEmailSettings: settings is not null,
            SmtpUser: settings?.SmtpUser,
            SmtpFromAddress: settings?.SmtpFromAddress,
            EmailApprovalEnabled: settings?.EmailApprovalEnabled ?? false,
            OAuthApplicationCount: await db.OAuthApplications.CountAsync(cancellationToken),
            CredentialCount: await db.Credentials.CountAsync(cancellationToken),
            Authorizations: authorizations,
            ExpiryNotices: await ExpiryNoticesAsync(db, [.. used.OfType<Guid>()], cancellationToken),
            SmtpOAuthApplicationId: settings?.SmtpOAuthApplicationId,
            OutgoingUsesApplicationPermissions: outgoingApplication?.PermissionMode == OAuthApps.PermissionMode.Application,
            LastTest: lastRun is null ? null : new LastTestSummary(lastRun.Verdict, lastRun.FinishedAt,
                lastRun.Steps.FirstOrDefault(s => s.Verdict == EmailTest.TestVerdict.Failed) is { } failed ? $"{failed.Name}: {failed.Summary}" : null));
    }

    private async Task<IReadOnlyList<ExpiryNotice>> ExpiryNoticesAsync(FlexMailDbContext db, IReadOnlyList<Guid> usedApplications,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + NoticeWindow;
        var secrets = await db.OAuthApplications.AsNoTracking()
            .Where(a => a.ProtectedClientSecret != null && a.ClientSecretExpiresOn != null)
            .Select(a => new { a.Id, a.Name, a.ClientSecretExpiresOn, a.CredentialKind })
            .ToListAsync(cancellationToken);
        var certificatesInUse = await db.OAuthApplications.AsNoTracking()
            .Where(a => usedApplications.Contains(a.Id) && a.CredentialKind == OAuthApps.CredentialKind.Certificate && a.CertificateCredentialId != null)
            .Select(a => a.CertificateCredentialId!.Value)
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
                .Select(s => (s.Name, At: new DateTimeOffset(s.ClientSecretExpiresOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    InUse: usedApplications.Contains(s.Id) && s.CredentialKind == OAuthApps.CredentialKind.ClientSecret))
                .Where(s => s.At <= horizon)
                .Select(s => new ExpiryNotice($"Client secret of {s.Name}", s.At, s.At <= now, s.InUse)),
            .. certificates.Select(c => usedCertificates.Contains(c.Id)
                ? new ExpiryNotice($"Certificate {c.Name}", c.NotAfter!.Value, c.NotAfter <= now, certificatesInUse.Contains(c.Id))
                : new ExpiryNotice($"Certificate {c.Name} (unused)", c.NotAfter!.Value, c.NotAfter <= now, Unused: true)),
        ];
    }
}
