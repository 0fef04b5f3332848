using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Settings;

/// <summary>Reads the <see cref="SetupOverview"/> in one short-lived context.</summary>
public sealed class SetupOverviewQuery(IDbContextFactory<FlexMailDbContext> contexts)
{
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
            Authorizations: authorizations);
    }
}
