using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.Settings;

namespace FlexMail.Tests.Domain.Settings;

public sealed class SetupVerdictTests
{
    private static readonly Guid ApplicationId = Guid.NewGuid();

    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static SetupOverview Overview(
        AuthorizationStatus? status = AuthorizationStatus.Authorized, string? reason = null, TestVerdict? lastTest = TestVerdict.Passed,
        string? firstProblem = null, IReadOnlyList<ExpiryNotice>? notices = null, bool applicationPermissions = false) =>
        new(HasEmailSettings: true, SmtpUser: "svc-flexmail@contoso.test", SmtpFromAddress: "svc-flexmail@contoso.test", EmailApprovalEnabled: false,
            OAuthApplicationCount: 1, CredentialCount: 0,
            Authorizations: status is null ? [] : [new AuthorizationSummary(MailboxRole.Outgoing, "svc-flexmail@contoso.test", status.Value, reason, At, At, ApplicationId)],
            ExpiryNotices: notices ?? [],
            SmtpOAuthApplicationId: ApplicationId,
            OutgoingUsesApplicationPermissions: applicationPermissions,
            LastTest: lastTest is null ? null : new LastTestSummary(lastTest.Value, At, firstProblem));

    [Fact]
    public void Of_SavedAuthorizedAndLastTestPassed_IsConfigured()
    {
        var verdict = SetupVerdict.Of(Overview());

        Assert.Equal(SetupVerdictLevel.Configured, verdict.Level);
        Assert.Equal("Email is configured", verdict.Headline);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void Of_LastTestWarning_IsStillConfigured()
    {
        Assert.Equal(SetupVerdictLevel.Configured, SetupVerdict.Of(Overview(lastTest: TestVerdict.Warning)).Level);
    }

    [Fact]
    public void Of_ApplicationPermissionsWithoutAuthorization_IsConfigured()
    {
        Assert.Equal(SetupVerdictLevel.Configured, SetupVerdict.Of(Overview(status: null, applicationPermissions: true)).Level);
    }

    [Fact]
    public void Of_AuthorizedButLastTestFailed_NeedsAttentionNamingTheFailedStep()
    {
        var verdict = SetupVerdict.Of(Overview(lastTest: TestVerdict.Failed, firstProblem: "Send a test mail: Graph refused the message."));

        Assert.Equal(SetupVerdictLevel.NeedsAttention, verdict.Level);
        Assert.Equal("Email needs attention: the last test failed (Send a test mail: Graph refused the message.).", verdict.Headline);
        Assert.Equal(SetupFixPlace.EmailSettings, verdict.First!.Place);
    }

    [Fact]
    public void Of_NeverTested_NeedsAttention()
    {
        var verdict = SetupVerdict.Of(Overview(lastTest: null));

        Assert.Equal(SetupVerdictLevel.NeedsAttention, verdict.Level);
        Assert.Equal("Email needs attention: the configuration has not been tested yet.", verdict.Headline);
    }

    [Fact]
    public void Of_ExpiredSecretInUse_NeedsAttentionOnTheOAuthApplicationsPage_ButAnUnusedOneDoesNot()
    {
        var expired = new ExpiryNotice("Client secret of FlexMail", At.AddDays(-1), Expired: true, InUse: true);
        var unused = expired with { What = "Client secret of Old app", InUse = false };

        var verdict = SetupVerdict.Of(Overview(notices: [expired]));

        Assert.Equal(SetupVerdictLevel.NeedsAttention, verdict.Level);
        Assert.Equal("Email needs attention: Client secret of FlexMail expired on 2026-11-29.", verdict.Headline);
        Assert.Equal(SetupFixPlace.OAuthApplications, verdict.First!.Place);
        Assert.Equal(SetupVerdictLevel.Configured, SetupVerdict.Of(Overview(notices: [unused])).Level);
    }

    [Fact]
    public void Of_CredentialRefused_HasStoppedWithTheFixOnTheOAuthApplicationsPage()
    {
        var verdict = SetupVerdict.Of(Overview(AuthorizationStatus.NeedsReauthorization, "The client secret has expired. (AADSTS7000222)"));

        Assert.Equal(SetupVerdictLevel.Stopped, verdict.Level);
        Assert.Equal("Email has stopped: Entra ID refused the OAuth application's credential.", verdict.Headline);
        Assert.Equal("The client secret has expired. (AADSTS7000222)", verdict.First!.Cause);
        Assert.Equal(SetupFixPlace.OAuthApplications, verdict.First.Place);
        Assert.Equal(SetupArea.Outgoing, verdict.First.Area);
    }

    [Fact]
    public void Of_SignInRefused_HasStoppedWithTheFixOnEmailSettings()
    {
        var verdict = SetupVerdict.Of(Overview(AuthorizationStatus.NeedsReauthorization, "The saved sign-in was revoked. (AADSTS50173)"));

        Assert.Equal(SetupVerdictLevel.Stopped, verdict.Level);
        Assert.Equal("Email has stopped: the SMTP User must sign in again.", verdict.Headline);
        Assert.Equal(SetupFixPlace.EmailSettings, verdict.First!.Place);
        Assert.Contains("Re-Authorize on Email Settings and sign in as svc-flexmail@contoso.test", verdict.First.Fix);
    }

    [Fact]
    public void Of_NotAuthorizedYet_IsNotConfiguredListingTheAuthorize()
    {
        var verdict = SetupVerdict.Of(Overview(status: null));

        Assert.Equal(SetupVerdictLevel.NotConfigured, verdict.Level);
        Assert.Equal("Email is not configured yet.", verdict.Headline);
        Assert.Equal("an authorized mailbox user (Authorize as the SMTP User)", Assert.Single(verdict.Reasons).Text);
    }

    [Fact]
    public void Of_AuthorizedAsAnotherUserThanTheSmtpUser_NeedsAttention()
    {
        var overview = Overview() with { SmtpUser = "svc-new@contoso.test" };

        var verdict = SetupVerdict.Of(overview);

        Assert.Equal(SetupVerdictLevel.NeedsAttention, verdict.Level);
        Assert.Contains("the SMTP User is now svc-new@contoso.test", verdict.Headline);
    }
}
