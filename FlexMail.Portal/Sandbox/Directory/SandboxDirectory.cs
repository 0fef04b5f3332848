using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Directory;

/// <summary>The sandbox tenant's users, mailboxes and mailbox rights.</summary>
public sealed class SandboxDirectory(IDbContextFactory<SandboxDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<SandboxUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.DisplayName).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MailboxPermission>> ListPermissionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MailboxPermissions.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>"Revoke sessions": every refresh token the user holds stops working (AADSTS50173).</summary>
    public async Task RevokeSessionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(update => update.SetProperty(u => u.SessionsRevokedAt, now), cancellationToken);
    }

    /// <summary>Fault: every refresh token of the user has been idle too long (AADSTS700082).</summary>
    public async Task ExpireRefreshTokensAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var past = clock.GetUtcNow().AddSeconds(-1);
        await db.RefreshTokens.Where(t => t.UserId == userId)
            .ExecuteUpdateAsync(update => update.SetProperty(t => t.ExpiresAt, past), cancellationToken);
    }

    /// <summary>Sets (or, with both rights false, removes) a user's rights on a mailbox.</summary>
    public async Task SetMailboxRightsAsync(Guid mailboxUserId, Guid granteeUserId, bool fullAccess, bool sendAs, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var permission = await db.MailboxPermissions
            .SingleOrDefaultAsync(p => p.MailboxUserId == mailboxUserId && p.GranteeUserId == granteeUserId, cancellationToken);
        if (!fullAccess && !sendAs)
        {
            if (permission is not null)
            {
                db.MailboxPermissions.Remove(permission);
            }
        }
        else
        {
            if (permission is null)
            {
                db.MailboxPermissions.Add(permission = new MailboxPermission { MailboxUserId = mailboxUserId, GranteeUserId = granteeUserId });
            }
            permission.FullAccess = fullAccess;
            permission.SendAs = sendAs;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
