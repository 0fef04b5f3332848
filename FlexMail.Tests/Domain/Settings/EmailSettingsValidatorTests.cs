using FlexMail.Domain.Settings;

namespace FlexMail.Tests.Domain.Settings;

public sealed class EmailSettingsValidatorTests
{
    private static readonly Guid Application = Guid.NewGuid();
    private readonly EmailSettingsValidator _validator = new();

    public static EmailSettingsDraft ValidDraft(Guid application) => new()
    {
        ServerBaseUrl = "https://flexmail.contoso.com",
        SmtpUser = "svc-flexmail@contoso.com",
        SmtpOAuthApplicationId = application,
        SmtpFromAddress = "svc-flexmail@contoso.com",
        EmailApprovalEnabled = true,
        EmailReplyFolder = "Inbox/FlexMail Replies",
    };

    private string? ErrorFor(EmailSettingsDraft draft, string field) => _validator.Validate(draft, [Application]).ErrorFor(field);

    [Fact]
    public void Validate_CompleteDraft_HasNoIssues()
    {
        Assert.Empty(_validator.Validate(ValidDraft(Application), [Application]).Issues);
    }

    [Theory]
    [InlineData("", "Server Base URL is required")]
    [InlineData("flexmail.contoso.com", "Server Base URL must be a full address")]
    [InlineData("ftp://flexmail.contoso.com", "Server Base URL must be a full address")]
    [InlineData("http://flexmail.contoso.com", "Server Base URL must use https://")]
    [InlineData("http://localhost.contoso.com", "Server Base URL must use https://")]
    [InlineData("http://10.0.0.7:5080", "Server Base URL must use https://")]
    [InlineData("https://flexmail.contoso.com/flexdeploy", "Server Base URL must be the address without a path, query or #fragment: use https://flexmail.contoso.com")]
    [InlineData("https://flexmail.contoso.com/?a=1", "Server Base URL must be the address without a path")]
    [InlineData("https://flexmail.contoso.com/#top", "Server Base URL must be the address without a path")]
    [InlineData("https://admin:pw@flexmail.contoso.com", "Server Base URL must not contain a user name or password")]
    public void Validate_BadServerBaseUrl_SaysWhatToFix(string url, string expected)
    {
        var draft = ValidDraft(Application);
        draft.ServerBaseUrl = url;

        Assert.StartsWith(expected, ErrorFor(draft, nameof(draft.ServerBaseUrl)));
    }

    [Theory]
    [InlineData("https://flexmail.contoso.com/")]
    [InlineData("https://flexmail.contoso.com:8443")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://127.0.0.1:7443")]
    [InlineData("https://[::1]:7443")]
    public void Validate_GoodServerBaseUrl_IsAccepted(string url)
    {
        var draft = ValidDraft(Application);
        draft.ServerBaseUrl = url;

        Assert.Null(ErrorFor(draft, nameof(draft.ServerBaseUrl)));
    }

    [Fact]
    public void Validate_ServerBaseUrlOtherThanThePortalsAddress_WarnsWhereEntraIdSendsTheSignInBack()
    {
        var report = _validator.Validate(ValidDraft(Application), [Application], portalOrigin: "https://localhost:7443");

        Assert.False(report.HasErrors);
        Assert.StartsWith(
            "You are using the portal at https://localhost:7443, but the Server Base URL is https://flexmail.contoso.com: Entra ID will send " +
            "the sign-in back to https://flexmail.contoso.com/flexdeploy/rest/v2/oauth",
            report.WarningFor(nameof(EmailSettingsDraft.ServerBaseUrl)));
    }

    [Theory]
    [InlineData("https://flexmail.contoso.com")]
    [InlineData("https://FlexMail.Contoso.com:443/")]
    [InlineData(null)]
    public void Validate_ServerBaseUrlSameAsThePortalsAddress_HasNoWarning(string? origin)
    {
        var report = _validator.Validate(ValidDraft(Application), [Application], origin);

        Assert.Empty(report.Issues);
    }

    [Theory]
    [InlineData(nameof(EmailSettingsDraft.SmtpUser), "", "SMTP User is required")]
    [InlineData(nameof(EmailSettingsDraft.SmtpUser), "svc-flexmail", "SMTP User must be an address")]
    [InlineData(nameof(EmailSettingsDraft.SmtpFromAddress), "", "SMTP From Address is required")]
    [InlineData(nameof(EmailSettingsDraft.SmtpFromAddress), "approvals at contoso", "SMTP From Address must be an address")]
    public void Validate_BadOutgoingAddress_NamesTheField(string field, string value, string expected)
    {
        var draft = ValidDraft(Application);
        typeof(EmailSettingsDraft).GetProperty(field)!.SetValue(draft, value);

        Assert.StartsWith(expected, ErrorFor(draft, field));
    }

    [Fact]
    public void Validate_UnknownOrMissingApplication_IsRefused()
    {
        var draft = ValidDraft(Guid.NewGuid());
        Assert.StartsWith("The chosen SMTP OAuth Application no longer exists", ErrorFor(draft, nameof(draft.SmtpOAuthApplicationId)));

        draft.SmtpOAuthApplicationId = null;
        Assert.StartsWith("Choose the SMTP OAuth Application", ErrorFor(draft, nameof(draft.SmtpOAuthApplicationId)));
    }

    [Fact]
    public void Validate_SeparateIncomingUser_NeedsItsUserAndApplication()
    {
        var draft = ValidDraft(Application);
        draft.IncomingSameAsOutgoing = false;

        var report = _validator.Validate(draft, [Application]);

        Assert.StartsWith("IMAP User is required", report.ErrorFor(nameof(draft.ImapUser)));
        Assert.StartsWith("Choose the IMAP OAuth Application", report.ErrorFor(nameof(draft.ImapOAuthApplicationId)));
    }

    [Theory]
    [InlineData("", "Email Reply Folder is required")]
    [InlineData("/Inbox/Replies", "Email Reply Folder must not start or end")]
    [InlineData("Inbox//Replies", "Email Reply Folder has an empty folder name")]
    [InlineData("DeletedItems/Replies", "Email Reply Folder cannot be in DeletedItems")]
    public void Validate_BadReplyFolder_SaysHowToWriteIt(string folder, string expected)
    {
        var draft = ValidDraft(Application);
        draft.EmailReplyFolder = folder;

        Assert.StartsWith(expected, ErrorFor(draft, nameof(draft.EmailReplyFolder)));
    }

    [Fact]
    public void Validate_ApprovalsOff_IgnoresReplyOptions()
    {
        var draft = ValidDraft(Application);
        draft.EmailApprovalEnabled = false;
        draft.EmailReplyFolder = "";
        draft.PollIntervalSeconds = 1;

        Assert.Empty(_validator.Validate(draft, [Application]).Issues);
    }

    [Fact]
    public void Validate_InboxOfTheUsersOwnMailbox_NeedsAnAcknowledgement()
    {
        var draft = ValidDraft(Application);
        draft.EmailReplyFolder = "inbox";

        Assert.StartsWith("FlexMail removes every mail it processes", ErrorFor(draft, nameof(draft.EmailReplyFolder)));

        draft.AcknowledgeInboxRemoval(true);
        Assert.Null(ErrorFor(draft, nameof(draft.EmailReplyFolder)));
    }

    [Fact]
    public void Validate_AcknowledgementForOneMailbox_DoesNotCoverAnother()
    {
        var draft = ValidDraft(Application);
        draft.EmailReplyFolder = "Inbox";
        draft.AcknowledgeInboxRemoval(true);

        draft.SmtpUser = "john.doe@contoso.com";
        draft.SmtpFromAddress = "john.doe@contoso.com";

        Assert.StartsWith("FlexMail removes every mail it processes from the Email Reply Folder. Using the Inbox of john.doe@contoso.com",
            ErrorFor(draft, nameof(draft.EmailReplyFolder)));
    }

    [Fact]
    public void Validate_InboxOfAnotherReplyMailbox_AlsoNeedsItsAcknowledgement()
    {
        var draft = ValidDraft(Application);
        draft.EmailReplyFolder = "Inbox";
        draft.ReplyMailbox = "approvals@contoso.com";
        draft.ApprovalReplyAddress = "approvals@contoso.com";
        Assert.Contains("Inbox of approvals@contoso.com", ErrorFor(draft, nameof(draft.EmailReplyFolder)));

        draft.AcknowledgeInboxRemoval(true);

        Assert.Empty(_validator.Validate(draft, [Application]).Issues);
    }

    [Fact]
    public void Validate_ReplyAddressOutsideTheReplyMailbox_NeedsConfirmation()
    {
        var draft = ValidDraft(Application);
        draft.ReplyMailbox = "approvals@contoso.com";

        var error = ErrorFor(draft, nameof(draft.ApprovalReplyAddress));

        Assert.StartsWith("Approvers will reply to svc-flexmail@contoso.com, but FlexMail reads the mailbox approvals@contoso.com", error);
        draft.ReplyAddressDeliveryConfirmed = true;
        Assert.Null(ErrorFor(draft, nameof(draft.ApprovalReplyAddress)));
    }

    [Fact]
    public void Validate_ProcessedFolder_IsRequiredForMoveAndMustDifferFromTheReplyFolder()
    {
        var draft = ValidDraft(Application);
        draft.ProcessedMailFolder = "inbox/flexmail replies";
        Assert.StartsWith("Processed mail must go to another folder", ErrorFor(draft, nameof(draft.ProcessedMailFolder)));

        draft.ProcessedMailFolder = "";
        Assert.StartsWith("Processed Mail Folder is required", ErrorFor(draft, nameof(draft.ProcessedMailFolder)));

        draft.ProcessedMailAction = ProcessedMailAction.Delete;
        Assert.Null(ErrorFor(draft, nameof(draft.ProcessedMailFolder)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3601)]
    public void Validate_PollIntervalOutOfBounds_IsRefused(int seconds)
    {
        var draft = ValidDraft(Application);
        draft.PollIntervalSeconds = seconds;

        Assert.StartsWith("Poll Interval must be between 5 and 3600 seconds", ErrorFor(draft, nameof(draft.PollIntervalSeconds)));
    }
}
