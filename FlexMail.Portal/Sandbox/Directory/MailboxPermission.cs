namespace FlexMail.Portal.Sandbox.Directory;

/// <summary>
/// Exchange rights of one user on another user's (or a shared) mailbox: Full Access (read and change its
/// folders) and Send As (send with its address as From).
/// </summary>
public sealed class MailboxPermission
{
    public int Id { get; set; }

    /// <summary>The mailbox the rights are on.</summary>
    public Guid MailboxUserId { get; set; }

    /// <summary>The user who holds the rights.</summary>
    public Guid GranteeUserId { get; set; }

    public bool FullAccess { get; set; }

    public bool SendAs { get; set; }
}
