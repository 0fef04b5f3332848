using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.QuickSetup;
using FlexMail.Tests.Support;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Integration.Sandbox.QuickSetup;

/// <summary>
/// "Try with the sandbox" on a real portal (Kestrel, HTTPS, the sandbox over the network): each test has a portal and
/// database of its own, so that what one quick setup saves is not another test's starting point.
/// </summary>
public sealed class SandboxQuickSetupTests : IAsyncLifetime
{
    private readonly KestrelPortal _portal = new();
    private QuickSetupKit _kit = null!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _kit = new QuickSetupKit(_portal);
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Run_Application_EveryStepPassesButAuthorizeIsSkipped_AndTheSetupIsReady()
    {
        var report = await _kit.RunAsync(QuickSetupMode.Application);

        Assert.True(report.Succeeded, QuickSetupKit.Describe(report));
        Assert.Equal([Passed, Passed, Passed, Skipped, Passed], report.Steps.Select(s => s.Verdict));
        Assert.Equal(QuickSetupSteps.All, report.Steps.Select(s => s.Step));
        var overview = await _kit.OverviewAsync();
        Assert.True(overview.IsEmailConfigured, overview.Verdict.Headline);
        Assert.True(overview.OutgoingUsesApplicationPermissions);
        Assert.Equal(Passed, overview.LastTest?.Verdict);
    }

    [Fact]
    public async Task Run_Application_SavesTheSharedApprovalsMailboxAndItsFolders()
    {
        await _kit.RunAsync(QuickSetupMode.Application);

        var settings = await _kit.SettingsAsync();
        Assert.Equal(("svc-flexmail@contoso.test", "approvals@contoso.test"), (settings.SmtpUser, settings.SmtpFromAddress));
        Assert.True(settings.EmailApprovalEnabled);
        Assert.Equal(("approvals@contoso.test", "Inbox/FlexMail Replies", "approvals@contoso.test"),
            (settings.ReplyMailbox, settings.EmailReplyFolder, settings.ApprovalReplyAddress));
        Assert.Equal("Inbox/Processed", settings.ProcessedMailFolder);
        Assert.Equal(_kit.PortalAddress.GetLeftPart(UriPartial.Authority), settings.ServerBaseUrl);
        var application = Assert.Single(await _kit.ApplicationsAsync());
        Assert.Equal((QuickSetupTarget.AppName, PermissionMode.Application, SandboxTenant.TenantId.ToString()),
            (application.Name, application.PermissionMode, application.TenantId));
        var app = (await _portal.Get<SandboxAppRegistrations>().ListAsync(CancellationToken.None)).Single(a => a.DisplayName == QuickSetupTarget.AppName);
        Assert.Equal(app.AppId.ToString(), application.ClientId);
        Assert.Contains("Mail.ReadWrite", app.ApplicationPermissions);
        Assert.Contains("Mail.Send", app.ApplicationPermissions);
    }

    [Fact]
    public async Task Run_Delegated_AuthorizesTheServiceUserThroughTheFlow_AndTheTestPasses()
    {
        var report = await _kit.RunAsync(QuickSetupMode.Delegated);

        Assert.True(report.Succeeded, QuickSetupKit.Describe(report));
        Assert.Equal([Passed, Passed, Passed, Passed, Passed], report.Steps.Select(s => s.Verdict));
        var overview = await _kit.OverviewAsync();
        Assert.True(overview.IsEmailConfigured, overview.Verdict.Headline);
        Assert.False(overview.OutgoingUsesApplicationPermissions);
        Assert.Equal(("svc-flexmail@contoso.test", AuthorizationStatus.Authorized), (overview.Outgoing?.UserPrincipalName, overview.Outgoing?.Status));
        Assert.Equal(Passed, overview.LastTest?.Verdict);
    }

    [Fact]
    public async Task Run_Delegated_IsAuditedLikeTheManualSetup()
    {
        await _kit.RunAsync(QuickSetupMode.Delegated);

        var audit = await _kit.AuditAsync();
        Assert.Contains(audit, e => e.Action == "OAuth application added" && e.Actor == QuickSetupKit.Admin.Name);
        Assert.Contains(audit, e => e.Action == "Email settings created" && e.Actor == QuickSetupKit.Admin.Name);
        Assert.Contains(audit, e => e.Action == "Mailbox user authorized" && e.Actor == QuickSetupKit.Admin.Name);
    }

    [Fact]
    public async Task Run_Twice_ReusesTheAppRegistrationAndTheOAuthApplication()
    {
        await _kit.RunAsync(QuickSetupMode.Delegated);

        var again = await _kit.RunAsync(QuickSetupMode.Application);

        Assert.True(again.Succeeded, QuickSetupKit.Describe(again));
        Assert.Contains("Reused the app registration", again.Steps[0].Summary);
        var apps = await _portal.Get<SandboxAppRegistrations>().ListAsync(CancellationToken.None);
        var app = Assert.Single(apps, a => a.DisplayName == QuickSetupTarget.AppName);
        Assert.Single(app.Secrets);
        var application = Assert.Single(await _kit.ApplicationsAsync());
        Assert.Equal(PermissionMode.Application, application.PermissionMode);
        Assert.True((await _kit.OverviewAsync()).IsEmailConfigured);
    }

    [Fact]
    public async Task Run_RealSetupExists_IsRefusedAndChangesNothing()
    {
        await _kit.SaveRealSetupAsync();

        var report = await _kit.RunAsync(QuickSetupMode.Application);

        Assert.False(report.Succeeded);
        Assert.Empty(report.Steps);
        Assert.Contains("the email settings (SMTP User svc-flexmail@contoso.com", report.Refused!.Describe());
        Assert.Contains("FlexMail production", report.Refused.Describe());
        Assert.Equal("svc-flexmail@contoso.com", (await _kit.SettingsAsync()).SmtpUser);
        Assert.DoesNotContain(await _kit.ApplicationsAsync(), a => a.Name == QuickSetupTarget.AppName);
        Assert.DoesNotContain(await _portal.Get<SandboxAppRegistrations>().ListAsync(CancellationToken.None), a => a.DisplayName == QuickSetupTarget.AppName);
    }

    [Fact]
    public async Task Run_RealSetupExistsAndReplacingIsConfirmed_SetsUpTheSandboxAndKeepsTheRealApplication()
    {
        await _kit.SaveRealSetupAsync();

        var report = await _kit.RunAsync(QuickSetupMode.Application, replaceRealSetup: true);

        Assert.True(report.Succeeded, QuickSetupKit.Describe(report));
        Assert.Equal("svc-flexmail@contoso.test", (await _kit.SettingsAsync()).SmtpUser);
        Assert.Contains(await _kit.ApplicationsAsync(), a => a.Name == "FlexMail production");
        Assert.Null(await _portal.Get<ISandboxQuickSetup>().FindRealSetupAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FindRealSetup_SandboxSetupOrNothingSaved_IsNull()
    {
        Assert.Null(await _portal.Get<ISandboxQuickSetup>().FindRealSetupAsync(CancellationToken.None));
        await _kit.RunAsync(QuickSetupMode.Application);

        Assert.Null(await _portal.Get<ISandboxQuickSetup>().FindRealSetupAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_PortalOpenedOverHttp_SavesThePortalsHttpsAddressAsServerBaseUrl()
    {
        var report = await _kit.RunAsync(QuickSetupMode.Application, openedAt: _portal.HttpAddress);

        Assert.True(report.Succeeded, QuickSetupKit.Describe(report));
        Assert.Equal(_kit.PortalAddress.GetLeftPart(UriPartial.Authority), (await _kit.SettingsAsync()).ServerBaseUrl);
    }

    [Fact]
    public async Task Run_Delegated_ServiceUserNotAssignedToTheApp_AuthorizeFailsInPlainWordsThroughTheRealCallback()
    {
        await _kit.RunAsync(QuickSetupMode.Delegated);
        var app = (await _portal.Get<SandboxAppRegistrations>().ListAsync(CancellationToken.None)).Single(a => a.DisplayName == QuickSetupTarget.AppName);
        await _portal.Get<SandboxEnterpriseApps>().SetAssignmentRequiredAsync(app.AppId, true, CancellationToken.None);

        var report = await _kit.RunAsync(QuickSetupMode.Delegated);

        Assert.False(report.Succeeded);
        Assert.Equal([Passed, Passed, Passed, Failed, Skipped], report.Steps.Select(s => s.Verdict));
        var authorize = report.Steps[3];
        Assert.Contains("50105", authorize.Summary + authorize.Fix);
        Assert.Equal("Skipped because \"Authorize the service user\" failed.", report.Steps[4].Summary);
    }
}
