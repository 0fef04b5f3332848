namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>A folder of a sandbox mailbox.</summary>
public sealed class SandboxMailFolder
{
    /// <summary>A Graph-style opaque id.</summary>
    public required string Id { get; set; }

    public Guid MailboxUserId { get; set; }

    /// <summary>The parent folder; null for the top-level folders (whose Graph parent is the mailbox root).</summary>
    public string? ParentFolderId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Graph's well-known name (<c>inbox</c>, <c>sentitems</c>, <c>deleteditems</c> ...), if it has one.</summary>
    public string? WellKnownName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
