using FlexMail.Domain.EmailTest;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Integration.EmailTest;

/// <summary>Test Email Configuration with delegated tokens against the sandbox tenant.</summary>
public sealed class EmailConfigurationTestTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly EmailConfigurationTestKit _kit = new(portal);

    [Fact]
    public async Task Run_ServiceUserWithSharedReplyFolder_AllStepsPassAndTheMailArrives()
    {
        var reported = new List<TestStepResult>();

        // Megan receives no other test mail in this class: the subject (to the second) finds this one.
        var request = _kit.ServiceUserRequest() with { TestRecipient = SandboxSeed.MeganBowen.Mail! };

        var report = await _kit.RunAsync(request, new SynchronousProgress(reported));

        Assert.True(report.Verdict == Passed, string.Join(" | ", report.Steps.Select(s => $"{s.Name}: {s.Summary} {s.Cause} {s.Fix}")));
        Assert.Equal(Enum.GetValues<TestStep>(), report.Steps.Select(s => s.Step));
        Assert.Equal(report.Steps, reported);
        Assert.Contains(SandboxSeed.ServiceUser.UserPrincipalName, report[TestStep.WhoAmI].Summary);
        Assert.Contains("Inbox/FlexMail Replies", report[TestStep.OpenReplyFolder].Summary);
        Assert.All(report.Steps, s => Assert.Null(s.Cause));
        Assert.True(report.FinishedAt >= report.StartedAt);
        var subject = Assert.Single(report[TestStep.SendTestMail].Summary.Split('"'), part => part.StartsWith(TestStepTexts.TestSubject, StringComparison.Ordinal));
        var arrived = Assert.Single(await _kit.InboxMessagesAsync(SandboxSeed.MeganBowen, subject));
        Assert.Equal(EmailConfigurationTestKit.Approvals, arrived.From?.Address);
    }

    [Fact]
    public async Task Run_SignedInUserIsNotTheSmtpUser_WhoAmIWarnsNamingTheSignedInUser()
    {
        var request = _kit.ServiceUserRequest(_kit.DelegatedTokens(SandboxSeed.DiegoSiciliani)) with
        {
            FromAddress = SandboxSeed.DiegoSiciliani.Mail!,
            ReplyMailbox = SandboxSeed.DiegoSiciliani.Mail!,
            ReplyFolder = "Inbox",
        };

        var report = await _kit.RunAsync(request);

        var whoAmI = report[TestStep.WhoAmI];
        Assert.True(whoAmI.Verdict == Warning, $"{whoAmI.Verdict}: {whoAmI.Summary} {whoAmI.Cause} {whoAmI.Fix}");
        Assert.Contains($"not the SMTP User {EmailConfigurationTestKit.ServiceUser}", whoAmI.Summary);
        Assert.Contains(SandboxSeed.DiegoSiciliani.UserPrincipalName, whoAmI.Cause);
        Assert.Contains($"sign in as {EmailConfigurationTestKit.ServiceUser}", whoAmI.Fix);
        // Sending through the SMTP User's mailbox then runs with Diego's rights, which he does not have there.
        Assert.Equal("ErrorAccessDenied", report[TestStep.SendTestMail].Code);
        Assert.Contains(SandboxSeed.DiegoSiciliani.UserPrincipalName, report[TestStep.SendTestMail].Cause);
        Assert.Equal(Passed, report[TestStep.ReadOneMessage].Verdict);
    }

    [Fact]
    public async Task Run_FromMailboxWithoutSendAs_SendFailsWithTheSendAsFixAndTheReplyFolderIsStillRead()
    {
        var request = _kit.ServiceUserRequest(_kit.DelegatedTokens(SandboxSeed.AdeleVance)) with
        {
            SmtpUser = SandboxSeed.AdeleVance.UserPrincipalName,
            ReplyMailbox = SandboxSeed.AdeleVance.Mail!,
            ReplyFolder = "Inbox",
        };

        var report = await _kit.RunAsync(request);

        EmailConfigurationTestKit.AssertVerdicts(report, Passed, Passed, Failed, Passed, Passed);
        var send = report[TestStep.SendTestMail];
        Assert.Equal("ErrorSendAsDenied", send.Code);
        Assert.Contains($"Give {SandboxSeed.AdeleVance.UserPrincipalName} Send As on {EmailConfigurationTestKit.Approvals}", send.Fix);
        Assert.Contains("ErrorSendAsDenied", send.Summary);
        Assert.Equal(Failed, report.Verdict);
    }

    [Fact]
    public async Task Run_ReplyFolderMissing_OpenFolderFailsNamingTheFolderAndExistingOnesAndReadIsSkipped()
    {
        var request = _kit.ServiceUserRequest() with { ReplyFolder = "Inbox/FlexMail Answers" };

        var report = await _kit.RunAsync(request);

        EmailConfigurationTestKit.AssertVerdicts(report, Passed, Passed, Passed, Failed, Skipped);
        var open = report[TestStep.OpenReplyFolder];
        Assert.Contains($"{EmailConfigurationTestKit.Approvals} has no folder 'Inbox/FlexMail Answers'", open.Cause);
        Assert.Contains("FlexMail Replies, Processed", open.Cause);
        Assert.Contains("create the folder 'FlexMail Answers'", open.Fix);
        Assert.Contains("\"Open the reply folder\" failed", report[TestStep.ReadOneMessage].Summary);
    }

    [Fact]
    public async Task Run_UserWithoutMailbox_SendAndReplyFolderFailMailboxNotEnabled()
    {
        var lee = SandboxSeed.LeeGu.UserPrincipalName;
        var request = _kit.ServiceUserRequest(_kit.DelegatedTokens(SandboxSeed.LeeGu)) with
        {
            SmtpUser = lee,
            FromAddress = lee,
            ReplyMailbox = null,
            ReplyFolder = "Inbox",
        };

        var report = await _kit.RunAsync(request);

        EmailConfigurationTestKit.AssertVerdicts(report, Passed, Passed, Failed, Failed, Skipped);
        var send = report[TestStep.SendTestMail];
        Assert.Equal("MailboxNotEnabledForRESTAPI", send.Code);
        Assert.Contains($"{lee} has no Exchange Online mailbox", send.Cause);
        Assert.Contains("licence that includes Exchange Online", send.Fix);
        Assert.Equal("MailboxNotEnabledForRESTAPI", report[TestStep.OpenReplyFolder].Code);
    }

    [Fact]
    public async Task Run_TokenWithoutMailSend_SendFailsAccessDeniedNamingThePermission()
    {
        var request = _kit.ServiceUserRequest(_kit.DelegatedTokens(SandboxSeed.ServiceUser, "User.Read", "Mail.Read.Shared"));

        var report = await _kit.RunAsync(request);

        var send = report[TestStep.SendTestMail];
        Assert.Equal(Failed, send.Verdict);
        Assert.Equal("ErrorAccessDenied", send.Code);
        Assert.Contains("Mail.Send", send.Fix);
        Assert.Equal(Passed, report[TestStep.ReadOneMessage].Verdict);
    }

    /// <summary>Records reports at once, on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<TestStepResult> reported) : IProgress<TestStepResult>
    {
        public void Report(TestStepResult value) => reported.Add(value);
    }
}
