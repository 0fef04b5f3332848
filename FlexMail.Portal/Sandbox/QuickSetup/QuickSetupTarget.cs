using FlexMail.Domain.Settings;

namespace FlexMail.Portal.Sandbox.QuickSetup;

/// <summary>
/// What the quick setup makes, named once: the sandbox app registration and FlexMail OAuth application (found again by
/// name, so a second run reuses them), and the settings for the seed's service user and shared approvals mailbox.
/// </summary>
public static class QuickSetupTarget
{
    /// <summary>The name of both the sandbox app registration and FlexMail's OAuth application.</summary>
    public const string AppName = "FlexMail (sandbox quick setup)";

    /// <summary>The description of the client secrets it makes (earlier ones with it are removed when a new one is made).</summary>
    public const string SecretDescription = "FlexMail quick setup";

    public const string ReplyFolder = "Inbox/FlexMail Replies";

    public const string ProcessedFolder = "Inbox/Processed";

    /// <summary>The SMTP User: the service user, who may send as and read the approvals mailbox (with either kind of permission).</summary>
    public static string SmtpUser => SandboxSeed.ServiceUser.UserPrincipalName;

    /// <summary>The shared mailbox mail comes from, replies go to and are read from.</summary>
    public static string ApprovalsMailbox => SandboxSeed.ApprovalsMailbox.Mail!;

    /// <summary>The email settings of a quick setup, for the OAuth application <paramref name="applicationId"/> at <paramref name="serverBaseUrl"/>.</summary>
    public static EmailSettingsDraft Settings(string serverBaseUrl, Guid applicationId) => new()
    {
        ServerBaseUrl = serverBaseUrl,
        SmtpUser = SmtpUser,
        SmtpOAuthApplicationId = applicationId,
        SmtpFromAddress = ApprovalsMailbox,
        IncomingSameAsOutgoing = true,
        EmailApprovalEnabled = true,
        ReplyMailbox = ApprovalsMailbox,
        EmailReplyFolder = ReplyFolder,
        ApprovalReplyAddress = ApprovalsMailbox,
        ProcessedMailAction = ProcessedMailAction.MoveToFolder,
        ProcessedMailFolder = ProcessedFolder,
    };

    /// <summary>The answers the permission list is computed from (the same as the wizard's for these settings).</summary>
    public static PermissionNeeds Needs => PermissionNeeds.From(Settings("https://localhost", Guid.Empty));
}
