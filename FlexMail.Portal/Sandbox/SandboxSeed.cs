using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Mail;

namespace FlexMail.Portal.Sandbox;

/// <summary>
/// The people and mailboxes of the sandbox tenant, with fixed ids so that settings made against the sandbox stay
/// valid after a reset.
/// </summary>
public static class SandboxSeed
{
    public static readonly SandboxUser ServiceUser = Member("0b1c2d3e-0001-4000-8000-000000000001", "svc-flexmail", "FlexMail Service", "FlexMail", "Service", "Service account");
    public static readonly SandboxUser ApprovalsMailbox = new()
    {
        Id = new Guid("0b1c2d3e-0002-4000-8000-000000000002"),
        UserPrincipalName = $"approvals@{SandboxTenant.Domain}",
        DisplayName = "Approvals",
        Kind = SandboxUserKind.SharedMailbox,
        HasMailbox = true,
        Mail = $"approvals@{SandboxTenant.Domain}",
    };
    public static readonly SandboxUser AdeleVance = Member("0b1c2d3e-0003-4000-8000-000000000003", "adele.vance", "Adele Vance", "Adele", "Vance", "Release Manager");
    public static readonly SandboxUser AlexWilber = Member("0b1c2d3e-0004-4000-8000-000000000004", "alex.wilber", "Alex Wilber", "Alex", "Wilber", "Operations Lead");
    public static readonly SandboxUser MeganBowen = Member("0b1c2d3e-0005-4000-8000-000000000005", "megan.bowen", "Megan Bowen", "Megan", "Bowen", "QA Lead");

    /// <summary>A person's own mailbox: using its Inbox as the reply folder would destroy their mail.</summary>
    public static readonly SandboxUser DiegoSiciliani = Member("0b1c2d3e-0006-4000-8000-000000000006", "diego.siciliani", "Diego Siciliani", "Diego", "Siciliani", "Developer");

    /// <summary>A user without an Exchange mailbox (Graph mail calls answer MailboxNotEnabledForRESTAPI).</summary>
    public static readonly SandboxUser LeeGu = Member("0b1c2d3e-0007-4000-8000-000000000007", "lee.gu", "Lee Gu", "Lee", "Gu", "Contractor", hasMailbox: false);

    public static IReadOnlyList<SandboxUser> Users => [ServiceUser, ApprovalsMailbox, AdeleVance, AlexWilber, MeganBowen, DiegoSiciliani, LeeGu];

    /// <summary>The service user may read and send as the shared approvals mailbox.</summary>
    public static IReadOnlyList<MailboxPermission> Permissions =>
    [
        new() { MailboxUserId = ApprovalsMailbox.Id, GranteeUserId = ServiceUser.Id, FullAccess = true, SendAs = true },
    ];

    /// <summary>Child folders created under a mailbox's Inbox.</summary>
    public static IReadOnlyList<string> InboxChildFolders(SandboxUser mailbox) =>
        mailbox.Id == ApprovalsMailbox.Id ? ["FlexMail Replies", "Processed"]
        : mailbox.Id == ServiceUser.Id ? ["Approvals"]
        : [];

    /// <summary>
    /// The approvals mailbox files FlexMail's replies (subject with <c>[FlexMail]</c> or a token) in
    /// <c>Inbox/FlexMail Replies</c>, where the reply monitor reads them; a missing folder is created.
    /// </summary>
    public static IEnumerable<SandboxInboxRule> InboxRules(SandboxUser mailbox, SandboxMailFolder inbox, List<SandboxMailFolder> inboxChildren)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(inboxChildren);
        if (mailbox.Id != ApprovalsMailbox.Id)
        {
            yield break;
        }
        var replies = inboxChildren.FirstOrDefault(f => f.DisplayName == SandboxInboxRules.FlexMailRepliesFolder);
        if (replies is null)
        {
            replies = new SandboxMailFolder
            {
                Id = SandboxIds.NewFolderId(),
                MailboxUserId = mailbox.Id,
                ParentFolderId = inbox.Id,
                DisplayName = SandboxInboxRules.FlexMailRepliesFolder,
                CreatedAt = inbox.CreatedAt,
            };
            inboxChildren.Add(replies);
        }
        yield return SandboxInboxRules.FlexMailReplies(mailbox.Id, replies.Id);
    }

    public static SandboxFaultSettings Faults => new();

    /// <summary>A welcome mail in every mailbox, so that a new sandbox has something to read.</summary>
    public static SandboxOutgoingMail Welcome(SandboxUser mailbox) => new(
        mailbox.Id,
        new SandboxAddress("Contoso IT", $"it@{SandboxTenant.Domain}"),
        [new SandboxAddress(mailbox.DisplayName, mailbox.Mail!)],
        "Welcome to the Contoso sandbox tenant",
        "text",
        $"Hello {mailbox.DisplayName},\n\nThis mailbox belongs to the FlexMail sandbox tenant. Mail sent here never leaves the portal.\n")
    {
        SaveToSentItems = false,
    };

    private static SandboxUser Member(string id, string alias, string displayName, string givenName, string surname, string jobTitle, bool hasMailbox = true) => new()
    {
        Id = new Guid(id),
        UserPrincipalName = $"{alias}@{SandboxTenant.Domain}",
        DisplayName = displayName,
        GivenName = givenName,
        Surname = surname,
        JobTitle = jobTitle,
        Kind = SandboxUserKind.Member,
        HasMailbox = hasMailbox,
        Mail = hasMailbox ? $"{alias}@{SandboxTenant.Domain}" : null,
    };
}
