using Bunit;
using Bunit.TestDoubles;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Portal.Features.MailboxAccess;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Components.MailboxAccess;

public sealed class MailboxAuthorizationPanelTests : DomainComponentTest
{
    private const string ServiceUser = "svc-flexmail@contoso.com";

    private Guid _applicationId;

    private async Task SaveSettingsAsync(PermissionMode mode = PermissionMode.Delegated) =>
        _applicationId = await SaveSetupAsync(settings =>
        {
            settings.SmtpUser = ServiceUser;
            settings.SmtpFromAddress = "approvals@contoso.com";
        }, mode);

    private async Task SaveAuthorizationAsync(AuthorizationStatus status, string? reason = null, string user = ServiceUser, Guid? applicationId = null)
    {
        await using var db = await Domain.Contexts.CreateDbContextAsync();
        db.MailboxAuthorizations.Add(new MailboxAuthorization
        {
            Role = MailboxRole.Outgoing,
            OAuthApplicationId = applicationId ?? _applicationId,
            UserPrincipalName = user,
            Status = status,
            StatusReason = reason,
            GrantedScopes = "User.Read Mail.Send",
            ProtectedTokenCache = "protected",
            AuthorizedAt = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
            AuthorizedBy = "Megan Bowen",
            LastRefreshedAt = new DateTimeOffset(2026, 11, 30, 17, 5, 0, TimeSpan.Zero),
        });
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<MailboxAuthorizationPanel> RenderPanel(bool dirty = false)
    {
        var panel = Render<MailboxAuthorizationPanel>(p => p
            .Add(x => x.Role, MailboxRole.Outgoing)
            .Add(x => x.ReturnUrl, "/settings/email")
            .Add(x => x.Dirty, dirty));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll(".mud-progress-linear")));
        return panel;
    }

    private static AngleSharp.Dom.IElement? ButtonNamed(IRenderedComponent<MailboxAuthorizationPanel> panel, string name) =>
        panel.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == name);

    [Fact]
    public void NothingSaved_SaysSoInPlainWordsAndDisablesAuthorize()
    {
        var panel = RenderPanel();

        Assert.Contains("No SMTP User is saved yet", panel.Find("[data-testid=authorization-problem]").TextContent);
        Assert.True(ButtonNamed(panel, "Authorize")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task SavedButNeverAuthorized_ButtonRowWrapsAndTheButtonKeepsItsWidth()
    {
        await SaveSettingsAsync();

        var panel = RenderPanel();

        Assert.Contains("flex-wrap", panel.Find("[data-testid=authorization-actions]").ClassList);
        Assert.Contains("flex-shrink-0", ButtonNamed(panel, "Authorize")!.ClassList);
    }

    [Fact]
    public async Task SavedButNeverAuthorized_SaysNotAuthorizedAndOffersAuthorize()
    {
        await SaveSettingsAsync();

        var panel = RenderPanel();

        Assert.Contains($"Not authorized: FlexMail uses the mailbox once {ServiceUser} has signed in here once.",
            panel.Find("[data-testid=authorization-status]").TextContent);
        Assert.False(ButtonNamed(panel, "Authorize")!.HasAttribute("disabled"));
        Assert.Null(ButtonNamed(panel, "Re-Authorize"));
        Assert.Empty(panel.FindAll("[data-testid=authorization-problem]"));
    }

    [Fact]
    public async Task Authorized_ShowsWhoSinceWhenByWhomAndLastRefresh_AndOffersReAuthorize()
    {
        await SaveSettingsAsync();
        await SaveAuthorizationAsync(AuthorizationStatus.Authorized);

        var panel = RenderPanel();

        var status = panel.Find("[data-testid=authorization-status]").TextContent;
        Assert.Contains($"Authorized as {ServiceUser} since 2026-11-02 09:30 UTC (by Megan Bowen), last refreshed 2026-11-30 17:05 UTC.", status);
        Assert.Contains("Permissions: User.Read, Mail.Send.", status);
        Assert.False(ButtonNamed(panel, "Re-Authorize")!.HasAttribute("disabled"));
        Assert.Null(ButtonNamed(panel, "Authorize"));
    }

    [Fact]
    public async Task AuthorizedAsAnotherUserThanSavedNow_AsksToReAuthorizeAsTheSavedUser()
    {
        await SaveSettingsAsync();
        await SaveAuthorizationAsync(AuthorizationStatus.Authorized, user: "old-service@contoso.com");

        var panel = RenderPanel();

        Assert.Contains($"The SMTP User is now {ServiceUser}: Re-Authorize and sign in as {ServiceUser}.",
            panel.Find("[data-testid=authorization-status]").TextContent);
    }

    [Fact]
    public async Task AuthorizedThroughAnotherApplicationThanSavedNow_AsksToReAuthorize()
    {
        await SaveSettingsAsync();
        var earlier = new OAuthApplication { Name = "FlexMail test", TenantId = "contoso.onmicrosoft.com", ClientId = Guid.NewGuid().ToString() };
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            db.OAuthApplications.Add(earlier);
            await db.SaveChangesAsync();
        }
        await SaveAuthorizationAsync(AuthorizationStatus.Authorized, applicationId: earlier.Id);

        var panel = RenderPanel();

        Assert.Contains("made through another OAuth application than the one chosen for the SMTP User now: Re-Authorize.",
            panel.Find("[data-testid=authorization-status]").TextContent);
    }

    [Fact]
    public async Task NeedsReauthorization_ShowsTheCauseWithTheEntraCode_AndReAuthorizeStaysUsable()
    {
        await SaveSettingsAsync();
        await SaveAuthorizationAsync(AuthorizationStatus.NeedsReauthorization,
            "The refresh token was not used for 90 days and expired. (AADSTS700082)");

        var panel = RenderPanel();

        Assert.Contains("Needs re-authorization: The refresh token was not used for 90 days and expired. (AADSTS700082)",
            panel.Find("[data-testid=authorization-status]").TextContent);
        Assert.False(ButtonNamed(panel, "Re-Authorize")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task NeedsReauthorization_ByAnExpiredSecret_SaysStoppedByTheCredentialAndThatANewSecretResumesIt()
    {
        await SaveSettingsAsync();
        await SaveAuthorizationAsync(AuthorizationStatus.NeedsReauthorization, "The client secret has expired. (AADSTS7000222)");

        var panel = RenderPanel();

        var status = panel.Find("[data-testid=authorization-status]").TextContent;
        Assert.Contains("Stopped: Entra ID refused the OAuth application's credential. The client secret has expired. (AADSTS7000222)", status);
        Assert.Contains("Fix: save a new client secret (or certificate) for the OAuth application on the OAuth Applications page", status);
        // Not both "Needs re-authorization" and "without Re-Authorize" in one box.
        Assert.DoesNotContain("Needs re-authorization", status);
    }

    [Fact]
    public async Task NeedsReauthorization_BySessionsRevoked_DoesNotOfferANewSecret()
    {
        await SaveSettingsAsync();
        await SaveAuthorizationAsync(AuthorizationStatus.NeedsReauthorization, "Sessions revoked. (AADSTS50173)");

        var panel = RenderPanel();

        Assert.DoesNotContain("new client secret", panel.Find("[data-testid=authorization-status]").TextContent);
    }

    [Fact]
    public async Task NeedsReauthorization_WithInvalidReplySettingsSaved_ReAuthorizeStaysUsable()
    {
        await SaveSettingsAsync();
        await SaveAuthorizationAsync(AuthorizationStatus.NeedsReauthorization, "Sessions revoked. (AADSTS50173)");
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            // Approvals on, Inbox of a mailbox that does not resolve, no acknowledgement: the reply options are broken.
            await db.EmailSettings.ExecuteUpdateAsync(set => set
                .SetProperty(s => s.EmailApprovalEnabled, true)
                .SetProperty(s => s.EmailReplyFolder, "Inbox")
                .SetProperty(s => s.ReplyMailbox, "not an address"));
        }
        var draft = await Domain.Get<EmailSettingsService>().GetDraftAsync(CancellationToken.None);
        Assert.True((await Domain.Get<EmailSettingsService>().ValidateAsync(draft, [], CancellationToken.None)).HasErrors);

        var panel = RenderPanel();

        Assert.False(ButtonNamed(panel, "Re-Authorize")!.HasAttribute("disabled"));
        Assert.Empty(panel.FindAll("[data-testid=authorization-problem]"));
    }

    [Fact]
    public async Task UnsavedChanges_DisableTheButtonAndSaySaveFirst()
    {
        await SaveSettingsAsync();

        var panel = RenderPanel(dirty: true);

        Assert.True(ButtonNamed(panel, "Authorize")!.HasAttribute("disabled"));
        Assert.Equal("Save first: Authorize uses the saved settings.", panel.Find("[data-testid=authorization-save-first]").TextContent.Trim());
    }

    [Fact]
    public async Task ApplicationPermissions_ExplainThereIsNoUserAndHowToRestrictMailboxes_WithoutAButton()
    {
        await SaveSettingsAsync(PermissionMode.Application);

        var panel = RenderPanel();

        var note = panel.Find("[data-testid=application-permissions]").TextContent;
        Assert.Contains("No user to authorize.", note);
        Assert.Contains("client secret (client credentials)", note);
        Assert.Contains("every mailbox in the tenant", note);
        Assert.Contains("RBAC for Applications", note);
        Assert.Contains("New-ManagementRoleAssignment", note);
        Assert.Contains("-CustomResourceScope", note);
        Assert.Contains("New-ApplicationAccessPolicy", note);
        Assert.Contains("-AccessRight RestrictAccess", note);
        Assert.Contains($"{ServiceUser} (SMTP User)", panel.Find("[data-testid=application-mailboxes]").TextContent);
        Assert.Contains("approvals@contoso.com (SMTP From Address)", panel.Find("[data-testid=application-mailboxes]").TextContent);
        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public async Task Click_LoadsTheStartEndpointAtTheSavedServerBaseUrl()
    {
        await SaveSettingsAsync();
        var panel = RenderPanel();

        ButtonNamed(panel, "Authorize")!.Click();

        var navigation = Context.Services.GetRequiredService<BunitNavigationManager>();
        var visit = Assert.Single(navigation.History);
        Assert.Equal("https://flexmail.contoso.com/oauth/authorize?role=Outgoing&returnUrl=%2Fsettings%2Femail", visit.Uri);
        Assert.True(visit.Options.ForceLoad);
    }

    [Fact]
    public async Task SavedWhileOpen_ReloadsTheStatus()
    {
        var panel = Render<MailboxAuthorizationPanel>(p => p
            .Add(x => x.Role, MailboxRole.Outgoing).Add(x => x.ReturnUrl, "/settings/email").Add(x => x.Dirty, true));
        panel.WaitForElement("[data-testid=authorization-problem]");

        await SaveSettingsAsync();
        panel.Render(p => p.Add(x => x.Dirty, false));

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=authorization-problem]")));
        Assert.False(ButtonNamed(panel, "Authorize")!.HasAttribute("disabled"));
    }
}
