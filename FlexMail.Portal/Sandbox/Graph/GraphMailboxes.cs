using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Portal.Sandbox.Graph;

/// <summary>What a caller wants to do with a mailbox.</summary>
public enum MailAccess
{
    Read,
    ReadWrite,
    Send,
}

/// <summary>
/// Resolves the mailbox a request addresses (<c>me</c> or <c>users/{id|upn}</c>) and checks the caller may use it:
/// delegated tokens by their scopes plus the signed-in user's Exchange rights (Full Access, Send As) on another
/// mailbox; application tokens by their app roles.
/// </summary>
public sealed class GraphMailboxes(IDbContextFactory<SandboxDbContext> contexts)
{
    private static readonly string[] OwnRead = ["Mail.Read", "Mail.ReadWrite", "Mail.Read.Shared", "Mail.ReadWrite.Shared"];
    private static readonly string[] OwnWrite = ["Mail.ReadWrite", "Mail.ReadWrite.Shared"];
    private static readonly string[] OwnSend = ["Mail.Send", "Mail.Send.Shared"];
    private static readonly string[] SharedRead = ["Mail.Read.Shared", "Mail.ReadWrite.Shared"];
    private static readonly string[] SharedWrite = ["Mail.ReadWrite.Shared"];
    private static readonly string[] SharedSend = ["Mail.Send.Shared"];

    /// <summary>The user an owner segment names: <c>me</c> (delegated only), an object id or a user principal name.</summary>
    public async Task<SandboxUser?> FindUserAsync(GraphCall call, CancellationToken cancellationToken)
    {
        if (call.IsMe && !call.Token.IsDelegated)
        {
            throw GraphException.BadRequest("/me request is only valid with delegated authentication flow.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (call.IsMe)
        {
            return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == call.Token.UserId, cancellationToken);
        }
        var owner = call.Owner.ToLowerInvariant();
        return Guid.TryParse(owner, out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserPrincipalName.ToLower() == owner || (u.Mail != null && u.Mail.ToLower() == owner), cancellationToken);
    }

    /// <summary>The addressed mailbox, once the caller is allowed the access; else the error Graph answers.</summary>
    public async Task<SandboxUser> OpenAsync(GraphCall call, MailAccess access, CancellationToken cancellationToken)
    {
        var user = await FindUserAsync(call, cancellationToken) ?? throw GraphException.InvalidUser(call.Owner);
        var token = call.Token;
        var own = token.IsDelegated && user.Id == token.UserId;
        var permissions = !token.IsDelegated
            ? access switch { MailAccess.Read => ["Mail.Read", "Mail.ReadWrite"], MailAccess.ReadWrite => ["Mail.ReadWrite"], _ => ["Mail.Send"] }
            : own
                ? access switch { MailAccess.Read => OwnRead, MailAccess.ReadWrite => OwnWrite, _ => OwnSend }
                : access switch { MailAccess.Read => SharedRead, MailAccess.ReadWrite => SharedWrite, _ => SharedSend };
        if (!permissions.Any(token.Allows))
        {
            throw GraphException.AccessDenied();
        }
        if (!user.HasMailbox)
        {
            throw GraphException.MailboxNotEnabled();
        }
        if (token.IsDelegated && !own && !await HasRightAsync(user.Id, token.UserId!.Value, access, cancellationToken))
        {
            throw GraphException.AccessDenied();
        }
        return user;
    }

    /// <summary>Whether <paramref name="grantee"/> holds Full Access (read/change) or Send As (send) on a mailbox.</summary>
    public async Task<bool> HasRightAsync(Guid mailbox, Guid grantee, MailAccess access, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var right = await db.MailboxPermissions.AsNoTracking()
            .SingleOrDefaultAsync(p => p.MailboxUserId == mailbox && p.GranteeUserId == grantee, cancellationToken);
        return right is not null && (access == MailAccess.Send ? right.SendAs : right.FullAccess);
    }

    /// <summary>The mailbox user with this primary SMTP address.</summary>
    public async Task<SandboxUser?> FindByAddressAsync(string address, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lower = address.ToLowerInvariant();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Mail != null && u.Mail.ToLower() == lower, cancellationToken);
    }
}
