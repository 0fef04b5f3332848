namespace FlexMail.Portal.Sandbox.Directory;

/// <summary>What kind of directory object a sandbox user is.</summary>
public enum SandboxUserKind
{
    /// <summary>A person who signs in.</summary>
    Member,

    /// <summary>A shared mailbox: a user object with a mailbox nobody signs in as.</summary>
    SharedMailbox,
}

/// <summary>A user of the sandbox tenant, with or without an Exchange mailbox.</summary>
public sealed class SandboxUser
{
    /// <summary>The object id (<c>oid</c>), Graph's <c>user.id</c>.</summary>
    public Guid Id { get; set; }

    public required string UserPrincipalName { get; set; }

    public required string DisplayName { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? JobTitle { get; set; }

    public SandboxUserKind Kind { get; set; }

    /// <summary>Whether the user has an Exchange Online mailbox; without one Graph mail calls fail (MailboxNotEnabledForRESTAPI).</summary>
    public bool HasMailbox { get; set; }

    /// <summary>The primary SMTP address, when the user has a mailbox.</summary>
    public string? Mail { get; set; }

    /// <summary>Refresh tokens issued before this instant are revoked (AADSTS50173), as after "Revoke sessions".</summary>
    public DateTimeOffset? SessionsRevokedAt { get; set; }

    public bool CanSignIn => Kind == SandboxUserKind.Member;
}
