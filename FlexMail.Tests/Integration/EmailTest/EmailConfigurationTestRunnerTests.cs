using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Integration.MailboxAccess;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.EntityFrameworkCore;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Integration.EmailTest;

/// <summary>
/// Test Email Configuration as the portal runs it: built from the saved settings and saved authorizations, against the
/// sandbox tenant, with the result stored.
/// </summary>
public sealed class EmailConfigurationTestRunnerTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly Actor Admin = new("Megan Bowen", "0b1c2d3e-0005-4000-8000-000000000005");
    private static readonly string Approvals = EmailConfigurationTestKit.Approvals;
    private static readonly string ServiceUser = EmailConfigurationTestKit.ServiceUser;

    private readonly AuthorizeScenario _authorize = new(portal);
    private readonly TokenSourceScenario _tokens = new(portal);

    private IEmailConfigurationTestRunner Runner => portal.Get<IEmailConfigurationTestRunner>();

    [Fact]
    public async Task Run_DelegatedAfterAuthorize_EveryStepPassesLiveAndTheRunIsStored()
    {
        await AuthorizedOutgoingAsync(withApprovals: true);
        var reported = new List<TestStepResult>();

        var outcome = await Runner.RunAsync(SandboxSeed.MeganBowen.Mail, Admin, new SynchronousProgress(reported), CancellationToken.None);

        Assert.Null(outcome.Problem);
        var report = outcome.Report!;
        Assert.True(report.Verdict == Passed, Describe(report));
        Assert.Equal(report.Steps, reported);
        Assert.Contains($"Signed in as", report[TestStep.WhoAmI].Summary);
        Assert.Contains($"from {Approvals} to {SandboxSeed.MeganBowen.Mail}", report[TestStep.SendTestMail].Summary);
        Assert.Contains($"Inbox/FlexMail Replies in {Approvals}", report[TestStep.OpenReplyFolder].Summary);
        var last = await Runner.LastRunAsync(CancellationToken.None);
        Assert.Equal(outcome.Run!.Id, last!.Id);
        Assert.Equal((Admin.Name, Admin.ObjectId, SandboxSeed.MeganBowen.Mail, Passed), (last.RequestedBy, last.RequestedById, last.Recipient, last.Verdict));
        Assert.Equal(report.Steps.Select(s => (s.Name, s.Verdict, s.Summary)), last.Steps.Select(s => (s.Name, s.Verdict, s.Summary)));
    }

    [Fact]
    public async Task Run_NoRecipientGiven_SendsToTheSavedSmtpFromAddress()
    {
        await AuthorizedOutgoingAsync(withApprovals: false);

        var outcome = await Runner.RunAsync("  ", Admin, null, CancellationToken.None);

        Assert.Equal(Approvals, await Runner.DefaultRecipientAsync(CancellationToken.None));
        Assert.Equal(Approvals, outcome.Run!.Recipient);
        Assert.Equal([Passed, Passed, Passed, Skipped, Skipped], outcome.Report!.Steps.Select(s => s.Verdict));
        Assert.Contains("email approval is off", outcome.Report[TestStep.OpenReplyFolder].Summary);
    }

    [Fact]
    public async Task Run_DelegatedNeverAuthorized_ReturnsAuthorizeTheSmtpUserFirstAndStoresNothing()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.MailboxAuthorizations.ExecuteDeleteAsync();
        }
        await _authorize.SetUpAsync();
        var before = await Runner.LastRunAsync(CancellationToken.None);

        var outcome = await Runner.RunAsync(null, Admin, null, CancellationToken.None);

        Assert.Null(outcome.Report);
        Assert.Contains($"The SMTP User {ServiceUser} is not authorized yet", outcome.Problem!.Cause);
        Assert.StartsWith("Authorize the SMTP User first", outcome.Problem.Fix);
        Assert.Equal(before?.Id, (await Runner.LastRunAsync(CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task Run_RecipientIsNotAnEmailAddress_ReturnsAProblemNamingIt()
    {
        await _authorize.SetUpAsync();

        var outcome = await Runner.RunAsync("adele.vance at contoso", Admin, null, CancellationToken.None);

        Assert.Equal("The test recipient 'adele.vance at contoso' is not an email address.", outcome.Problem!.Cause);
        Assert.Contains("name@contoso.com", outcome.Problem.Fix);
    }

    [Fact]
    public async Task Run_ApplicationPermissionsWithSecret_PassesWithWhoAmISkipped()
    {
        var app = await _tokens.RegisterAppAsync();
        var secret = await _tokens.AddSecretAsync(app);
        var application = await _tokens.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        await SaveSettingsAsync(application.Id, withApprovals: true);

        var outcome = await Runner.RunAsync(EmailConfigurationTestKit.Recipient, Admin, null, CancellationToken.None);

        var report = outcome.Report!;
        Assert.True(report.Verdict == Passed, Describe(report));
        EmailConfigurationTestKit.AssertVerdicts(report, Passed, Skipped, Passed, Passed, Passed);
        Assert.Contains("application token", report[TestStep.AcquireToken].Summary);
        Assert.Equal(Passed, outcome.Run!.Verdict);
    }

    [Fact]
    public async Task Run_SeparateIncomingUser_ReadsTheReplyFolderWithItsOwnAuthorization()
    {
        var application = await AuthorizedOutgoingAsync(withApprovals: true);
        var diego = SandboxSeed.DiegoSiciliani;
        await ChangeSettingsAsync(draft =>
        {
            draft.IncomingSameAsOutgoing = false;
            draft.ImapUser = diego.UserPrincipalName;
            draft.ImapOAuthApplicationId = application.Id;
            draft.ReplyMailbox = "";
            draft.EmailReplyFolder = "Archive";
            draft.ApprovalReplyAddress = diego.Mail!;
        });

        var unauthorized = await Runner.RunAsync(null, Admin, null, CancellationToken.None);
        using (var browser = await portal.SignInAtLocalhostAsync())
        {
            var signIn = await browser.SignInAsync(await _authorize.StartAsync(browser, "Incoming"), diego);
            var authorized = await _authorize.CallbackAsync(browser, signIn);
            Assert.True(authorized.Succeeded, $"{authorized.Message} {authorized.Fix}");
        }
        var outcome = await Runner.RunAsync(null, Admin, null, CancellationToken.None);

        Assert.StartsWith("Authorize the IMAP User first", unauthorized.Problem!.Fix);
        var report = outcome.Report!;
        Assert.True(report.Verdict == Passed, Describe(report));
        // The service user has no rights on Diego's mailbox: only Diego's own sign-in can open his folder.
        Assert.Contains($"Archive in {diego.UserPrincipalName}", report[TestStep.OpenReplyFolder].Summary);
        Assert.Contains($"Signed in as", report[TestStep.WhoAmI].Summary);
        Assert.Contains(ServiceUser, report[TestStep.WhoAmI].Summary);
    }

    private IDbContextFactory<FlexMailDbContext> Contexts => portal.Get<IDbContextFactory<FlexMailDbContext>>();

    /// <summary>The delegated app saved for the service user (sending as the approvals mailbox) and Authorize done.</summary>
    private async Task<OAuthApplication> AuthorizedOutgoingAsync(bool withApprovals)
    {
        var application = await _authorize.SetUpAsync();
        await SaveSettingsAsync(application.Id, withApprovals);
        await _authorize.AuthorizeServiceUserAsync();
        return application;
    }

    private Task SaveSettingsAsync(Guid applicationId, bool withApprovals) => ChangeSettingsAsync(draft =>
    {
        draft.ServerBaseUrl = _authorize.BaseUrl;
        draft.SmtpUser = ServiceUser;
        draft.SmtpFromAddress = Approvals;
        draft.SmtpOAuthApplicationId = applicationId;
        draft.IncomingSameAsOutgoing = true;
        draft.EmailApprovalEnabled = withApprovals;
        draft.ReplyMailbox = withApprovals ? Approvals : "";
        draft.EmailReplyFolder = withApprovals ? EmailConfigurationTestKit.ReplyFolder : "";
        draft.ApprovalReplyAddress = "";
    });

    private async Task ChangeSettingsAsync(Action<EmailSettingsDraft> change)
    {
        var settings = portal.Get<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(CancellationToken.None);
        change(draft);
        var saved = await settings.SaveAsync(draft, AuthorizeScenario.Actor, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Report().Issues.Select(issue => issue.ToString())));
    }

    private static string Describe(EmailConfigurationTestReport report) =>
        string.Join(" | ", report.Steps.Select(s => $"{s.Name}: {s.Verdict} {s.Summary} {s.Cause} {s.Fix}"));

    private sealed class SynchronousProgress(List<TestStepResult> reported) : IProgress<TestStepResult>
    {
        public void Report(TestStepResult value) => reported.Add(value);
    }
}
