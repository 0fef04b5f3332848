using FlexMail.Domain.Validation;

namespace FlexMail.Domain.Settings;

/// <summary>What the admin types on the email settings (and the wizard's mailbox steps).</summary>
public sealed class EmailSettingsDraft
{
    public const int MinPollIntervalSeconds = 5;
    public const int MaxPollIntervalSeconds = 3600;

    public string ServerBaseUrl { get; set; } = "";

    public string SmtpUser { get; set; } = "";

    public Guid? SmtpOAuthApplicationId { get; set; }

    public string SmtpFromAddress { get; set; } = "";

    public bool IncomingSameAsOutgoing { get; set; } = true;

    public string ImapUser { get; set; } = "";

    public Guid? ImapOAuthApplicationId { get; set; }

    public bool EmailApprovalEnabled { get; set; }

    public string ReplyMailbox { get; set; } = "";

    public string EmailReplyFolder { get; set; } = "";

    public string ApprovalReplyAddress { get; set; } = "";

    public bool ReplyAddressDeliveryConfirmed { get; set; }

    public ProcessedMailAction ProcessedMailAction { get; set; } = ProcessedMailAction.MoveToFolder;

    public string ProcessedMailFolder { get; set; } = "FlexMail Processed";

    public int PollIntervalSeconds { get; set; } = 60;

    public bool SendReplyConfirmations { get; set; } = true;

    public bool SendReplyAnswers { get; set; } = true;

    /// <summary>The mailbox whose Inbox the admin accepted to have processed mail removed from (empty: none).</summary>
    public string InboxRemovalAcknowledgedMailbox { get; set; } = "";

    /// <summary>The reply folder is an Inbox: everything FlexMail processes there is removed, so the admin must accept it.</summary>
    public bool NeedsInboxAcknowledgement => EmailApprovalEnabled && MailFolderPath.IsInbox(EmailReplyFolder);

    /// <summary>The acknowledgement covers the mailbox that is read now (not one chosen before).</summary>
    public bool InboxRemovalAcknowledged => EffectiveReplyMailbox.Length > 0 && Formats.SameAddress(InboxRemovalAcknowledgedMailbox, EffectiveReplyMailbox);

    /// <summary>Approvers reply to an address other than the mailbox that is read.</summary>
    public bool ReplyAddressDiffersFromReplyMailbox => !Formats.SameAddress(EffectiveReplyAddress, EffectiveReplyMailbox);

    public void AcknowledgeInboxRemoval(bool acknowledged) =>
        InboxRemovalAcknowledgedMailbox = acknowledged ? EffectiveReplyMailbox : "";

    /// <summary>Who accepted it before, and when (shown back; kept while the choice stays the same).</summary>
    public string? InboxRemovalAcknowledgedBy { get; set; }

    public DateTimeOffset? InboxRemovalAcknowledgedAt { get; set; }

    /// <summary>The user whose mailbox the approval monitor signs in to.</summary>
    public string IncomingUser => IncomingSameAsOutgoing ? SmtpUser.Trim() : ImapUser.Trim();

    /// <summary>The mailbox whose reply folder is read: the incoming user's own unless another is named.</summary>
    public string EffectiveReplyMailbox => string.IsNullOrWhiteSpace(ReplyMailbox) ? IncomingUser : ReplyMailbox.Trim();

    /// <summary>Where approvers' replies are addressed: the From address unless another is named.</summary>
    public string EffectiveReplyAddress => string.IsNullOrWhiteSpace(ApprovalReplyAddress) ? SmtpFromAddress.Trim() : ApprovalReplyAddress.Trim();

    public bool SendsFromAnotherMailbox =>
        SmtpFromAddress.Trim().Length > 0 && !Formats.SameAddress(SmtpFromAddress, SmtpUser);

    public bool ReadsAnotherMailbox =>
        EmailApprovalEnabled && EffectiveReplyMailbox.Length > 0 && !Formats.SameAddress(EffectiveReplyMailbox, IncomingUser);

    /// <summary>
    /// The saved version this draft was loaded from (<see cref="Guid.Empty"/>: loaded when nothing was saved yet); null for a
    /// draft made in code, which is not checked. A save on an older version is refused (<see cref="ConcurrentEdit"/>).
    /// </summary>
    public Guid? LoadedStamp { get; set; }

    /// <summary>The fields as they were loaded, to name what someone else changed since.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ShownValue> LoadedValues { get; set; } = [];

    /// <summary>The draft of the saved settings, carrying their version.</summary>
    public static EmailSettingsDraft From(EmailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var draft = Copy(settings);
        draft.LoadedStamp = settings.ConcurrencyStamp;
        draft.LoadedValues = EmailSettingsShown.Values(draft);
        return draft;
    }

    /// <summary>The draft a page starts from when nothing is saved yet: a save after someone else's first save is refused.</summary>
    public static EmailSettingsDraft Unsaved()
    {
        var draft = new EmailSettingsDraft { LoadedStamp = Guid.Empty };
        draft.LoadedValues = EmailSettingsShown.Values(draft);
        return draft;
    }

    private static EmailSettingsDraft Copy(EmailSettings settings) => new()
    {
        ServerBaseUrl = settings.ServerBaseUrl ?? "",
        SmtpUser = settings.SmtpUser ?? "",
        SmtpOAuthApplicationId = settings.SmtpOAuthApplicationId,
        SmtpFromAddress = settings.SmtpFromAddress ?? "",
        IncomingSameAsOutgoing = settings.IncomingSameAsOutgoing,
        ImapUser = settings.ImapUser ?? "",
        ImapOAuthApplicationId = settings.ImapOAuthApplicationId,
        EmailApprovalEnabled = settings.EmailApprovalEnabled,
        ReplyMailbox = settings.ReplyMailbox ?? "",
        EmailReplyFolder = settings.EmailReplyFolder ?? "",
        ApprovalReplyAddress = settings.ApprovalReplyAddress ?? "",
        ReplyAddressDeliveryConfirmed = settings.ReplyAddressDeliveryConfirmed,
        ProcessedMailAction = settings.ProcessedMailAction,
        ProcessedMailFolder = settings.ProcessedMailFolder ?? new EmailSettingsDraft().ProcessedMailFolder,
        PollIntervalSeconds = settings.PollIntervalSeconds,
        SendReplyConfirmations = settings.SendReplyConfirmations,
        SendReplyAnswers = settings.SendReplyAnswers,
        InboxRemovalAcknowledgedMailbox = settings.InboxRemovalAcknowledgedMailbox ?? "",
        InboxRemovalAcknowledgedBy = settings.InboxRemovalAcknowledgedBy,
        InboxRemovalAcknowledgedAt = settings.InboxRemovalAcknowledgedAt,
    };
}
