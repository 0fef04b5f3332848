namespace FlexMail.Portal.Sandbox.Mail;

/// <summary>Graph's well-known mail folder names the sandbox creates in every mailbox.</summary>
public static class WellKnownFolders
{
    public const string Inbox = "inbox";
    public const string SentItems = "sentitems";
    public const string DeletedItems = "deleteditems";
    public const string Drafts = "drafts";
    public const string JunkEmail = "junkemail";
    public const string Archive = "archive";

    /// <summary>Well-known name and display name, in the order Outlook lists them.</summary>
    public static readonly IReadOnlyList<(string WellKnownName, string DisplayName)> All =
    [
        (Inbox, "Inbox"),
        (Drafts, "Drafts"),
        (SentItems, "Sent Items"),
        (DeletedItems, "Deleted Items"),
        (JunkEmail, "Junk Email"),
        (Archive, "Archive"),
    ];
}
