namespace FlexMail.Domain.Mail;

/// <summary>
/// Which Microsoft Graph permission an operation needs: delegated on the signed-in user's own mailbox, delegated on
/// another (shared) mailbox, or application. A permission that includes it (ReadWrite over Read, Shared over own)
/// also serves.
/// </summary>
internal static class MailPermissions
{
    public static string Needed(MailAccess access, bool delegated, bool own) => (access, delegated, own) switch
    {
        (MailAccess.Profile, _, _) => "User.Read",
        (MailAccess.Read, true, false) => "Mail.Read.Shared",
        (MailAccess.ReadWrite, true, false) => "Mail.ReadWrite.Shared",
        (MailAccess.Send, true, false) => "Mail.Send.Shared",
        (MailAccess.Read, _, _) => "Mail.Read",
        (MailAccess.ReadWrite, _, _) => "Mail.ReadWrite",
        _ => "Mail.Send",
    };

    /// <summary>Whether the token carries the needed permission or one that includes it.</summary>
    public static bool Carried(TokenClaims claims, MailAccess access, bool own)
    {
        string[] serving = (access, claims.IsDelegated, own) switch
        {
            (MailAccess.Profile, _, _) => ["User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "Directory.Read.All"],
            (MailAccess.Read, true, false) => ["Mail.Read.Shared", "Mail.ReadWrite.Shared"],
            (MailAccess.ReadWrite, true, false) => ["Mail.ReadWrite.Shared"],
            (MailAccess.Send, true, false) => ["Mail.Send.Shared"],
            (MailAccess.Read, true, true) => ["Mail.Read", "Mail.ReadWrite", "Mail.Read.Shared", "Mail.ReadWrite.Shared"],
            (MailAccess.ReadWrite, true, true) => ["Mail.ReadWrite", "Mail.ReadWrite.Shared"],
            (MailAccess.Send, true, true) => ["Mail.Send", "Mail.Send.Shared"],
            (MailAccess.Read, false, _) => ["Mail.Read", "Mail.ReadWrite"],
            (MailAccess.ReadWrite, false, _) => ["Mail.ReadWrite"],
            _ => ["Mail.Send"],
        };
        return serving.Any(claims.Carries);
    }

    /// <summary>The Exchange right a delegated user needs on another mailbox for this access.</summary>
    public static string MailboxRight(MailAccess access) => access == MailAccess.Send ? "Send As" : "Full Access";
}
