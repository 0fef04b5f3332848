using Bunit;
using Bunit.TestDoubles;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Portal.Features.MailboxAccess;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Components.MailboxAccess;

public sealed class AuthorizationOutcomeAlertTests : DomainComponentTest
{
    private BunitNavigationManager Navigation => Context.Services.GetRequiredService<BunitNavigationManager>();

    private IRenderedComponent<AuthorizationOutcomeAlert> RenderAt(string relativeUrl)
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        return Render<AuthorizationOutcomeAlert>();
    }

    private string Add(AuthorizationOutcome outcome) => Domain.Get<AuthorizationOutcomes>().Add(outcome).ToString();

    [Fact]
    public void Success_ShowsTheMessage_AndRemovesTheIdFromTheAddress()
    {
        var id = Add(new AuthorizationOutcome(true, "svc-flexmail@contoso.test is authorized as the SMTP User.", null, MailboxRole.Outgoing, "/settings/email"));

        var alert = RenderAt($"/settings/email?authorization={id}");

        var shown = alert.WaitForElement("[data-testid=authorization-outcome]");
        Assert.Contains("svc-flexmail@contoso.test is authorized as the SMTP User.", shown.TextContent);
        Assert.Contains("mud-alert-text-success", shown.OuterHtml);
        alert.WaitForAssertion(() => Assert.Equal("http://localhost/settings/email", Navigation.Uri));
        Assert.True(Navigation.History.First().Options.ReplaceHistoryEntry);
        Assert.False(Navigation.History.First().Options.ForceLoad);
        Assert.Contains("is authorized as the SMTP User.", alert.Find("[data-testid=authorization-outcome]").TextContent);
    }

    [Fact]
    public void Failure_ShowsCauseFixMissingPermissionsAndARealAdminConsentLink()
    {
        const string consent = "https://login.microsoftonline.com/contoso.test/adminconsent?client_id=1234&redirect_uri=https%3A%2F%2Flocalhost%3A7443%2Fflexdeploy%2Frest%2Fv2%2Foauth";
        var id = Add(new AuthorizationOutcome(false,
            "The sign-in worked but these permissions were not granted: Mail.Send, Mail.ReadWrite. Nothing was saved.",
            "Add them as delegated Microsoft Graph permissions in the app registration and have an administrator grant consent.",
            MailboxRole.Outgoing, "/setup?step=authorize", ["Mail.Send", "Mail.ReadWrite"], consent));

        var alert = RenderAt($"/setup?step=authorize&authorization={id}");

        var shown = alert.WaitForElement("[data-testid=authorization-outcome]");
        Assert.Contains("mud-alert-text-error", shown.OuterHtml);
        Assert.Contains("these permissions were not granted", shown.TextContent);
        Assert.Contains("What to do: Add them as delegated Microsoft Graph permissions", shown.TextContent);
        Assert.Equal("Missing permissions: Mail.Send, Mail.ReadWrite", alert.Find("[data-testid=missing-permissions]").TextContent.Trim());
        var link = alert.FindAll("a").Single(a => a.TextContent.Trim() == "Grant admin consent for the tenant");
        Assert.Equal(consent, link.GetAttribute("href"));
        alert.WaitForAssertion(() => Assert.Equal("http://localhost/setup?step=authorize", Navigation.Uri));
    }

    [Fact]
    public void AdminConsentGrantedWithAuthorizeStillNeeded_WarnsWithWhatIsStillToDo()
    {
        var id = Add(new AuthorizationOutcome(true, "Admin consent was granted for the tenant contoso.test.",
            "Authorize is still needed: click Re-Authorize for the SMTP User and sign in as svc-flexmail@contoso.test.", null, "/settings/email",
            Kind: AuthorizationOutcomeKind.AdminConsent));

        var alert = RenderAt($"/settings/email?authorization={id}");

        var shown = alert.WaitForElement("[data-testid=authorization-outcome]");
        Assert.Contains("mud-alert-text-warning", shown.OuterHtml);
        Assert.Contains("Admin consent was granted for the tenant contoso.test.", shown.TextContent);
        Assert.Contains("Still to do: Authorize is still needed: click Re-Authorize", shown.TextContent);
        Assert.DoesNotContain("did not work", shown.TextContent);
    }

    [Fact]
    public void AdminConsentRefused_SaysAdminConsentDidNotWork()
    {
        var id = Add(new AuthorizationOutcome(false, "Admin consent was not granted: the consent page was cancelled.",
            "Open the admin consent link again.", null, "/settings/email", Kind: AuthorizationOutcomeKind.AdminConsent));

        var alert = RenderAt($"/settings/email?authorization={id}");

        var shown = alert.WaitForElement("[data-testid=authorization-outcome]");
        Assert.Contains("mud-alert-text-error", shown.OuterHtml);
        Assert.Contains("Admin consent did not work.", shown.TextContent);
        Assert.DoesNotContain("Authorize did not work.", shown.TextContent);
    }

    [Fact]
    public void UnknownId_SaysTheResultIsNoLongerAvailableAndPointsToTheStatus()
    {
        var alert = RenderAt($"/settings/email?authorization={Guid.NewGuid()}");

        var shown = alert.WaitForElement("[data-testid=authorization-outcome]");
        Assert.Contains("mud-alert-text-info", shown.OuterHtml);
        Assert.Contains("The result of that sign-in is no longer available", shown.TextContent);
        Assert.Contains("The authorization status below shows where things stand.", shown.TextContent);
    }

    [Fact]
    public void NoId_ShowsNothingAndLeavesTheAddressAlone()
    {
        var alert = RenderAt("/settings/email");

        Assert.Empty(alert.FindAll("[data-testid=authorization-outcome]"));
        Assert.Single(Navigation.History);
    }
}
