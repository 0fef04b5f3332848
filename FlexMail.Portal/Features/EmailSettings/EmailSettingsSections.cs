using FlexMail.Domain.Settings;

namespace FlexMail.Portal.Features.EmailSettings;

/// <summary>Which settings fields each section (and wizard step) owns: for its status chip and for blocking Next.</summary>
public static class EmailSettingsSections
{
    public static readonly IReadOnlyList<string> Outgoing =
        [nameof(EmailSettingsDraft.SmtpUser), nameof(EmailSettingsDraft.SmtpOAuthApplicationId), nameof(EmailSettingsDraft.SmtpFromAddress)];

    public static readonly IReadOnlyList<string> Incoming =
        [nameof(EmailSettingsDraft.ImapUser), nameof(EmailSettingsDraft.ImapOAuthApplicationId)];

    public static readonly IReadOnlyList<string> ReplyOptions =
    [
        nameof(EmailSettingsDraft.ReplyMailbox), nameof(EmailSettingsDraft.EmailReplyFolder), nameof(EmailSettingsDraft.ApprovalReplyAddress),
        nameof(EmailSettingsDraft.ProcessedMailFolder), nameof(EmailSettingsDraft.PollIntervalSeconds),
    ];
}
