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

    /// <summary>
    /// The owner segment of a path below <c>/v1.0/</c>: <c>me</c>, the <c>{id|upn}</c> of <c>users/{id|upn}/...</c>, or
    /// null. For components in front of the dispatcher that count per mailbox (throttling).
    /// </summary>
    public static string? OwnerSegment(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && string.Equals(segments[0], "me", StringComparison.OrdinalIgnoreCase) ? "me"
            : segments.Length > 1 && string.Equals(segments[0], "users", StringComparison.OrdinalIgnoreCase) ? segments[1]
            : null;
    }

    /// <summary>The user an owner segment names: <c>me</c> (delegated only), an object id or a user principal name.</summary>
    public async Task<SandboxUser?> FindUserAsync(GraphCall call, CancellationToken cancellationToken)
    {
        if (call.IsMe && !call.Token.IsDelegated)
        {
            throw GraphException.BadRequest("/me request is only valid with delegated authentication flow.");
        }
        return await FindOwnerAsync(call.Owner, call.Token, cancellationToken);
    }

    /// <summary>The user an owner segment names for this caller (<c>me</c> is the signed-in user), or null.</summary>
    public async Task<SandboxUser?> FindOwnerAsync(string owner, SandboxAccessToken token, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (string.Equals(owner, "me", StringComparison.OrdinalIgnoreCase))
        {
            return token.UserId is { } userId ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) : null;
        }
        var name = owner.ToLowerInvariant();
        return Guid.TryParse(name, out var id)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserPrincipalName.ToLower() == name || (u.Mail != null && u.Mail.ToLower() == name), cancellationToken);
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
