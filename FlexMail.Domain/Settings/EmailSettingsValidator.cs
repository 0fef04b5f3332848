using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.Validation;
using Microsoft.Extensions.Options;

namespace FlexMail.Domain.Settings;

/// <summary>The rules for the email settings, with the fix in each message.</summary>
/// <param name="oauth">The redirect path, named in the Server Base URL warning (the default path without it).</param>
public sealed class EmailSettingsValidator(IOptions<OAuthOptions>? oauth = null)
{
    private readonly string _callbackPath = (oauth?.Value ?? new OAuthOptions()).CallbackPath;

    /// <param name="draft">The settings as typed.</param>
    /// <param name="knownApplicationIds">OAuth applications that exist (or are being created alongside).</param>
    /// <param name="portalOrigin">The address the portal is being used at (the browser's origin), when known: a Server Base URL that differs is warned about.</param>
    public ValidationReport Validate(EmailSettingsDraft draft, IReadOnlyCollection<Guid> knownApplicationIds, string? portalOrigin = null)
    {
        var report = new ValidationReportBuilder();
        if (ServerBaseUrl.Problem(draft.ServerBaseUrl) is { } urlProblem)
        {
            report.Error(nameof(draft.ServerBaseUrl), urlProblem);
        }
        else if (ServerBaseUrl.MismatchWarning(draft.ServerBaseUrl, portalOrigin, _callbackPath) is { } mismatch)
        {
            report.Warning(nameof(draft.ServerBaseUrl), mismatch);
        }
        ValidateOutgoing(draft, knownApplicationIds, report);
        ValidateIncoming(draft, knownApplicationIds, report);
        if (draft.EmailApprovalEnabled)
        {
            ValidateReplyOptions(draft, report);
        }
        return report.Build();
    }

    private static void ValidateOutgoing(EmailSettingsDraft draft, IReadOnlyCollection<Guid> applications, ValidationReportBuilder report)
    {
        RequireAddress(report, nameof(draft.SmtpUser), draft.SmtpUser, "SMTP User",
            "the user who signs in to Microsoft Graph, e.g. svc-flexmail@contoso.com");
        RequireApplication(report, nameof(draft.SmtpOAuthApplicationId), draft.SmtpOAuthApplicationId, applications, "SMTP OAuth Application");
        RequireAddress(report, nameof(draft.SmtpFromAddress), draft.SmtpFromAddress, "SMTP From Address",
            "the address approval mails come from (the SMTP User's own, or a shared mailbox it may send as)");
    }

    private static void ValidateIncoming(EmailSettingsDraft draft, IReadOnlyCollection<Guid> applications, ValidationReportBuilder report)
    {
        if (draft.IncomingSameAsOutgoing)
        {
            return;
        }
        RequireAddress(report, nameof(draft.ImapUser), draft.ImapUser, "IMAP User",
            "the user who signs in to read the replies, or choose \"same as outgoing\"");
        RequireApplication(report, nameof(draft.ImapOAuthApplicationId), draft.ImapOAuthApplicationId, applications, "IMAP OAuth Application");
    }

    private static void ValidateReplyOptions(EmailSettingsDraft draft, ValidationReportBuilder report)
    {
        if (MailFolderPath.Problem(draft.EmailReplyFolder, "Email Reply Folder") is { } folderProblem)
        {
            report.Error(nameof(draft.EmailReplyFolder), folderProblem);
        }
        OptionalAddress(report, nameof(draft.ReplyMailbox), draft.ReplyMailbox, "Reply Mailbox");
        OptionalAddress(report, nameof(draft.ApprovalReplyAddress), draft.ApprovalReplyAddress, "Approval Reply Address");

        var replyAddress = draft.EffectiveReplyAddress;
        var replyMailbox = draft.EffectiveReplyMailbox;
        if (Formats.IsEmailAddress(replyAddress) && Formats.IsEmailAddress(replyMailbox)
            && !Formats.SameAddress(replyAddress, replyMailbox) && !draft.ReplyAddressDeliveryConfirmed)
        {
            report.Error(nameof(draft.ApprovalReplyAddress),
                $"Approvers will reply to {replyAddress}, but FlexMail reads the mailbox {replyMailbox}. Set the Approval Reply Address " +
                $"to {replyMailbox}, or confirm that mail sent to {replyAddress} arrives in {replyMailbox} (a forward or group).");
        }

        if (draft.NeedsInboxAcknowledgement && !draft.InboxRemovalAcknowledged)
        {
            report.Error(nameof(draft.EmailReplyFolder),
                $"FlexMail removes every mail it processes from the Email Reply Folder. Using the Inbox of {DisplayUser(replyMailbox)} " +
                "would remove its other mail too; a person's own mailbox would lose all of that person's mail. Use a dedicated folder " +
                "such as Inbox/FlexMail Replies, or acknowledge that this Inbox holds nothing else.");
        }

        if (draft.ProcessedMailAction == ProcessedMailAction.MoveToFolder)
        {
            if (MailFolderPath.Problem(draft.ProcessedMailFolder, "Processed Mail Folder") is { } processedProblem)
            {
                report.Error(nameof(draft.ProcessedMailFolder), processedProblem);
            }
            else if (MailFolderPath.Same(draft.ProcessedMailFolder, draft.EmailReplyFolder))
            {
                report.Error(nameof(draft.ProcessedMailFolder), "Processed mail must go to another folder than the Email Reply Folder, or it would be read again.");
            }
        }

        if (draft.PollIntervalSeconds is < EmailSettingsDraft.MinPollIntervalSeconds or > EmailSettingsDraft.MaxPollIntervalSeconds)
        {
            report.Error(nameof(draft.PollIntervalSeconds),
                $"Poll Interval must be between {EmailSettingsDraft.MinPollIntervalSeconds} and {EmailSettingsDraft.MaxPollIntervalSeconds} seconds.");
        }
    }

    private static string DisplayUser(string user) => user.Length == 0 ? "the incoming user" : user;

    private static void RequireAddress(ValidationReportBuilder report, string field, string value, string label, string explanation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            report.Error(field, $"{label} is required: {explanation}.");
        }
        else if (!Formats.IsEmailAddress(value.Trim()))
        {
            report.Error(field, $"{label} must be an address like name@contoso.com.");
        }
    }

    private static void OptionalAddress(ValidationReportBuilder report, string field, string value, string label)
    {
        if (!string.IsNullOrWhiteSpace(value) && !Formats.IsEmailAddress(value.Trim()))
        {
            report.Error(field, $"{label} must be an address like name@contoso.com, or left empty.");
        }
    }

    private static void RequireApplication(ValidationReportBuilder report, string field, Guid? id, IReadOnlyCollection<Guid> applications, string label)
    {
        if (id is null)
        {
            report.Error(field, $"Choose the {label}: the app registered in Entra ID for this user.");
        }
        else if (!applications.Contains(id.Value))
        {
            report.Error(field, $"The chosen {label} no longer exists: choose another one.");
        }
    }
}
