using Bunit;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Portal.Features.EmailSettings;
using FlexMail.Tests.Components.EmailTest;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Components.MailboxAccess;

/// <summary>Where Email Settings shows the Authorize panels and the outcome of the last Authorize.</summary>
public sealed class EmailSettingsAuthorizationTests : DomainComponentTest
{
    private Task SaveAsync(bool incomingSameAsOutgoing) => SaveSetupAsync(settings =>
    {
        settings.IncomingSameAsOutgoing = incomingSameAsOutgoing;
        settings.ImapUser = incomingSameAsOutgoing ? "" : "svc-replies@contoso.com";
        settings.ImapOAuthApplicationId = incomingSameAsOutgoing ? null : settings.SmtpOAuthApplicationId;
    });

    private IRenderedComponent<EmailSettingsPage> RenderPage()
    {
        var page = Render<EmailSettingsPage>();
        page.WaitForElement("[data-testid=authorization-outgoing] [data-testid=authorization-status]");
        return page;
    }

    [Fact]
    public async Task IncomingSameAsOutgoing_ShowsOneAuthorizeAndSaysRepliesUseTheSmtpUser()
    {
        await SaveAsync(incomingSameAsOutgoing: true);

        var page = RenderPage();

        Assert.Equal("Replies are read with the SMTP User's authorization.", page.Find("[data-testid=incoming-authorization]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=authorization-incoming]"));
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Authorize");
    }

    [Fact]
    public async Task SeparateIncomingUser_GetsItsOwnAuthorize()
    {
        await SaveAsync(incomingSameAsOutgoing: false);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("Not authorized: FlexMail uses the mailbox once svc-replies@contoso.com has signed in",
            page.Find("[data-testid=authorization-incoming] [data-testid=authorization-status]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=incoming-authorization]"));
        Assert.Equal(2, page.FindAll("button").Count(b => b.TextContent.Trim() == "Authorize"));
    }

    [Fact]
    public async Task EditingAField_DisablesAuthorizeUntilSaved()
    {
        await SaveAsync(incomingSameAsOutgoing: true);
        var page = RenderPage();

        await InputLabelled(page, "SMTP From Address").InputAsync(new ChangeEventArgs { Value = "approvals@contoso.com" });

        page.WaitForAssertion(() => Assert.True(page.FindAll("button").Single(b => b.TextContent.Trim() == "Authorize").HasAttribute("disabled")));
        Assert.Contains("Save first: Authorize uses the saved settings.", page.Find("[data-testid=authorization-save-first]").TextContent);
    }

    [Fact]
    public async Task ReturnFromAuthorize_ShowsTheOutcomeAtTheTop()
    {
        await SaveAsync(incomingSameAsOutgoing: true);
        var id = Domain.Get<AuthorizationOutcomes>().Add(new AuthorizationOutcome(true,
            "svc-flexmail@contoso.com is authorized as the SMTP User.", null, MailboxRole.Outgoing, "/settings/email"));
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/settings/email?authorization={id}");

        var page = RenderPage();

        Assert.Contains("svc-flexmail@contoso.com is authorized as the SMTP User.", page.Find("[data-testid=authorization-outcome]").TextContent);
    }

    [Fact]
    public async Task TestRefusedByEntraId_AuthorizationPanelShowsNeedsReauthorizationWithoutReload()
    {
        var applicationId = await SaveSetupAsync();
        await SessionsRevokedTestRunner.SaveAuthorizedAsync(Domain, applicationId, "svc-flexmail@contoso.com");
        Context.Services.AddSingleton<IEmailConfigurationTestRunner>(new SessionsRevokedTestRunner(Domain));
        var page = RenderPage();
        Assert.StartsWith("Authorized as svc-flexmail@contoso.com", page.Find("[data-testid=authorization-outgoing] [data-testid=authorization-status]").TextContent.Trim());

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Test Email Configuration").Click();

        page.WaitForAssertion(() => Assert.StartsWith("Needs re-authorization: The saved sign-in was revoked.",
            page.Find("[data-testid=authorization-outgoing] [data-testid=authorization-status]").TextContent.Trim()));
        Assert.False(page.FindAll("button").Single(b => b.TextContent.Trim() == "Re-Authorize").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SignInStoppedByARefusedSecret_OutgoingChipNeedsAttentionAndTheVerdictSaysEmailHasStopped()
    {
        var applicationId = await SaveSetupAsync();
        await SessionsRevokedTestRunner.SaveAuthorizedAsync(Domain, applicationId, "svc-flexmail@contoso.com");
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            var authorization = db.MailboxAuthorizations.Single();
            authorization.Status = AuthorizationStatus.NeedsReauthorization;
            authorization.StatusReason = "The client secret has expired. (AADSTS7000222)";
            await db.SaveChangesAsync();
        }

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("error", page.Find("[data-testid=section-status-outgoing]").GetAttribute("data-status")));
        Assert.Equal("Needs attention", page.Find("[data-testid=section-status-outgoing]").TextContent.Trim());
        var verdict = page.Find("[data-testid=setup-verdict]");
        Assert.Contains("Email has stopped: Entra ID refused the OAuth application's credential.", verdict.TextContent);
        Assert.Contains("Fix: Save a new client secret", verdict.TextContent);
        Assert.Equal("oauth-applications", verdict.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Open OAuth Applications").GetAttribute("href"));
    }
}
