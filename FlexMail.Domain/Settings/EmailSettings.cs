namespace FlexMail.Domain.Settings;

/// <summary>
/// The portal's email configuration: one row. Field names follow the reference product's labels
/// ("SMTP" and "IMAP" name the outgoing and incoming sides; both go through Microsoft Graph).
/// </summary>
public sealed class EmailSettings
{
    /// <summary>The single settings row's key.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string? ServerBaseUrl { get; set; }

    public string? SmtpUser { get; set; }

    public Guid? SmtpOAuthApplicationId { get; set; }

    public string? SmtpFromAddress { get; set; }

    public bool IncomingSameAsOutgoing { get; set; } = true;

    public string? ImapUser { get; set; }

    public Guid? ImapOAuthApplicationId { get; set; }

    public bool EmailApprovalEnabled { get; set; }

    /// <summary>The mailbox whose Email Reply Folder is read; empty means the incoming user's own mailbox.</summary>
    public string? ReplyMailbox { get; set; }

    public string? EmailReplyFolder { get; set; }

    public string? ApprovalReplyAddress { get; set; }

    /// <summary>The admin confirmed that mail to a reply address other than the reply mailbox arrives in the reply mailbox.</summary>
    public bool ReplyAddressDeliveryConfirmed { get; set; }

    public ProcessedMailAction ProcessedMailAction { get; set; } = ProcessedMailAction.MoveToFolder;

    public string? ProcessedMailFolder { get; set; }

    public int PollIntervalSeconds { get; set; } = 60;

    /// <summary>Confirm a recorded decision to the approver by mail ("Your Approve was recorded").</summary>
    public bool SendReplyConfirmations { get; set; } = true;

    /// <summary>Tell an approver by mail why their reply could not be used (rate-limited per sender).</summary>
    public bool SendReplyAnswers { get; set; } = true;

    /// <summary>Who accepted that processed mail is removed from a personal Inbox, and when.</summary>
    public string? InboxRemovalAcknowledgedBy { get; set; }

    public DateTimeOffset? InboxRemovalAcknowledgedAt { get; set; }

    /// <summary>The mailbox whose Inbox the acknowledgement covers: another mailbox needs its own.</summary>
    public string? InboxRemovalAcknowledgedMailbox { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>New on every save: a save made on a copy loaded before another save is refused (no lost update).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>What the approval monitor does with a reply once it has been processed.</summary>
public enum ProcessedMailAction
{
    MoveToFolder = 0,
    Delete = 1,
}
