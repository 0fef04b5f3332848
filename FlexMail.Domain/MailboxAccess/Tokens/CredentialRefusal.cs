using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.MailboxAccess.Tokens;

/// <summary>
/// A delegated authorization stopped because Entra ID refused the application's credential (an expired or wrong client
/// secret, an unknown certificate), not the user's sign-in: saving a new credential for the application resumes it,
/// since the saved refresh token was never the problem.
/// </summary>
public static class CredentialRefusal
{
    private static readonly int[] Codes = [7000215, 7000222, 700027];

    /// <summary>True when the authorization's status reason (written as "cause (AADSTSnnn)") names a credential refusal.</summary>
    public static bool Caused(string? statusReason) => MailboxAuthorization.StoppedBy(statusReason, Codes);

    /// <summary>Stages the resumption of the application's authorizations that only its old credential stopped.</summary>
    internal static async Task StageResumeAsync(FlexMailDbContext db, Guid applicationId, AuditLog audit, Actor actor, CancellationToken cancellationToken)
    {
        var stopped = await db.MailboxAuthorizations
            .Where(a => a.OAuthApplicationId == applicationId && a.Status == AuthorizationStatus.NeedsReauthorization)
            .ToListAsync(cancellationToken);
        foreach (var authorization in stopped.Where(a => Caused(a.StatusReason)))
        {
            authorization.Status = AuthorizationStatus.Authorized;
            authorization.StatusReason = null;
            authorization.ConcurrencyStamp = Guid.NewGuid();
            audit.Stage(db, actor, "Mailbox authorization resumed", $"{authorization.Role} user {authorization.UserPrincipalName}",
                "The application's new credential replaces the one Entra ID refused; the saved sign-in is used again.");
        }
    }
}
