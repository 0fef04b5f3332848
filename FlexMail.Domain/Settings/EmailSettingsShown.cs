using System.Globalization;
using FlexMail.Domain.Validation;

namespace FlexMail.Domain.Settings;

/// <summary>The email settings' fields as the page shows them (labels of the reference product), to say what someone else changed.</summary>
internal static class EmailSettingsShown
{
    public static IReadOnlyList<ShownValue> Values(EmailSettingsDraft draft) =>
    [
        new(nameof(draft.ServerBaseUrl), "Server Base URL", draft.ServerBaseUrl),
        new(nameof(draft.SmtpUser), "SMTP User", draft.SmtpUser),
        new(nameof(draft.SmtpOAuthApplicationId), "SMTP OAuth Application", draft.SmtpOAuthApplicationId?.ToString() ?? ""),
        new(nameof(draft.SmtpFromAddress), "SMTP From Address", draft.SmtpFromAddress),
        new(nameof(draft.IncomingSameAsOutgoing), "Incoming same as outgoing", YesNo(draft.IncomingSameAsOutgoing)),
        new(nameof(draft.ImapUser), "IMAP User", draft.ImapUser),
        new(nameof(draft.ImapOAuthApplicationId), "IMAP OAuth Application", draft.ImapOAuthApplicationId?.ToString() ?? ""),
        new(nameof(draft.EmailApprovalEnabled), "Email approval", YesNo(draft.EmailApprovalEnabled)),
        new(nameof(draft.ReplyMailbox), "Reply Mailbox", draft.ReplyMailbox),
        new(nameof(draft.EmailReplyFolder), "Email Reply Folder", draft.EmailReplyFolder),
        new(nameof(draft.ApprovalReplyAddress), "Approval Reply Address", draft.ApprovalReplyAddress),
        new(nameof(draft.ReplyAddressDeliveryConfirmed), "Reply address delivery confirmed", YesNo(draft.ReplyAddressDeliveryConfirmed)),
        new(nameof(draft.ProcessedMailAction), "After processing", draft.ProcessedMailAction.ToString()),
        new(nameof(draft.ProcessedMailFolder), "Processed Mail Folder", draft.ProcessedMailFolder),
        new(nameof(draft.PollIntervalSeconds), "Poll interval", draft.PollIntervalSeconds.ToString(CultureInfo.InvariantCulture) + " s"),
        new(nameof(draft.SendReplyConfirmations), "Send confirmations", YesNo(draft.SendReplyConfirmations)),
        new(nameof(draft.SendReplyAnswers), "Send reply answers", YesNo(draft.SendReplyAnswers)),
    ];

    private static string YesNo(bool value) => value ? "Yes" : "No";
}
