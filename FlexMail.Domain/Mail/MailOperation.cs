namespace FlexMail.Domain.Mail;

/// <summary>What a Graph call needs of the mailbox: decides which permission and right a denial points at.</summary>
internal enum MailAccess
{
    Profile,
    Read,
    ReadWrite,
    Send,
}

/// <summary>A gateway operation, described for logs and for the words of its failures.</summary>
/// <param name="Name">The operation (<c>ListFolders</c>), for logs.</param>
/// <param name="Action">What it does, as a phrase that reads before the mailbox ("list the folders of").</param>
/// <param name="Mailbox">The mailbox addressed, or <c>me</c>.</param>
/// <param name="Access">What it needs of the mailbox.</param>
internal sealed record MailOperation(string Name, string Action, string Mailbox, MailAccess Access)
{
    /// <summary>The address a send claims to be from, when it is not the mailbox.</summary>
    public string? From { get; init; }

    /// <summary>The folder the operation addresses, which ErrorItemNotFound then means.</summary>
    public string? FolderId { get; init; }

    /// <summary>The message the operation addresses, which ErrorItemNotFound then means.</summary>
    public string? MessageId { get; init; }
}
