using Bunit;
using FlexMail.Portal.Features.Dashboard;
using FlexMail.Portal.Features.Setup;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.QuickSetup;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Components.Sandbox;

/// <summary>Where "Try with the sandbox" is offered: the Dashboard (to admins) and the setup wizard's first step, only with the sandbox on.</summary>
public sealed class TrySandboxPlacementTests : DomainComponentTest
{
    private void SandboxIs(bool enabled)
    {
        Context.Services.AddSingleton(Options.Create(new SandboxOptions { Enabled = enabled }));
        Context.Services.AddSingleton<ISandboxQuickSetup>(new ScriptedQuickSetup());
    }

    [Fact]
    public void Dashboard_SandboxOn_OffersTryWithTheSandbox()
    {
        SandboxIs(true);

        var page = Render<DashboardPage>();

        page.WaitForElement("[data-testid=try-sandbox]");
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Try with the sandbox");
    }

    [Fact]
    public void Dashboard_SandboxOff_DoesNotOfferIt()
    {
        SandboxIs(false);

        var page = Render<DashboardPage>();

        page.WaitForElement("[data-testid=email-status]");
        Assert.Empty(page.FindAll("[data-testid=try-sandbox]"));
    }

    [Fact]
    public void Dashboard_SignedInAsSupport_DoesNotOfferIt()
    {
        SandboxIs(true);
        SignedIn.SetRoles(PortalRoles.Support).SetPolicies(PortalPolicies.Support);

        var page = Render<DashboardPage>();

        page.WaitForElement("[data-testid=email-status]");
        Assert.Empty(page.FindAll("[data-testid=try-sandbox]"));
    }

    [Fact]
    public void SetupWizard_SandboxOn_OffersItOnTheFirstStep()
    {
        SandboxIs(true);

        var wizard = Render<SetupPage>();

        wizard.WaitForElement("[data-testid=step-statuses]");
        Assert.Single(wizard.FindAll("[data-testid=try-sandbox]"));
    }

    [Fact]
    public void SetupWizard_SandboxOff_DoesNotOfferIt()
    {
        SandboxIs(false);

        var wizard = Render<SetupPage>();

        wizard.WaitForElement("[data-testid=step-statuses]");
        Assert.Empty(wizard.FindAll("[data-testid=try-sandbox]"));
    }
}
