using Bunit;
using FlexMail.Domain.EmailTest;
using FlexMail.Portal.Features.Setup;
using FlexMail.Tests.Components.EmailTest;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Components.Setup;

/// <summary>The wizard's steps after Save: Authorize and Test, which work on the saved setup.</summary>
public sealed class SetupAfterSaveTests : DomainComponentTest
{

    private IRenderedComponent<SetupPage> RenderWizard(string address = "setup")
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var wizard = Render<SetupPage>();
        wizard.WaitForElement("[data-testid=step-statuses]");
        return wizard;
    }

    private static Task Click(IRenderedComponent<SetupPage> wizard, string button) =>
        wizard.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());

    private static string StatusOfStep(IRenderedComponent<SetupPage> wizard, int number) =>
        wizard.Find($"[data-testid=step-status-{number}]").GetAttribute("data-status")!;

    [Fact]
    public async Task StepQuery_Authorize_OpensTheAuthorizeStepForTheSavedSmtpUser()
    {
        await SaveSetupAsync();

        var wizard = RenderWizard("setup?step=authorize");

        wizard.WaitForAssertion(() => Assert.Contains("Opens Microsoft's sign-in: choose svc-flexmail@contoso.com.",
            wizard.Find("[data-testid=authorization-outgoing]").TextContent));
        Assert.False(wizard.FindAll("button").Single(b => b.TextContent.Trim() == "Authorize").HasAttribute("disabled"));
        Assert.Empty(wizard.FindAll("[data-testid=setup-save-first]"));
        Assert.Equal("todo", StatusOfStep(wizard, 6)); // not authorized yet: nothing went wrong
        Assert.Equal("todo", StatusOfStep(wizard, 7)); // never tested
        Assert.Equal("warning", StatusOfStep(wizard, 5)); // saved, nothing unsaved; the saved Server Base URL is not the address in use
    }

    [Fact]
    public async Task StepQuery_Authorize_TheStepListIsTheOnlyIndicatorAndMarksAuthorizeAsCurrent()
    {
        await SaveSetupAsync();

        var wizard = RenderWizard("setup?step=authorize");

        var current = wizard.Find("[data-testid=step-statuses] [aria-current=step]");
        Assert.StartsWith("6. Authorize", current.TextContent.Trim());
        Assert.Single(wizard.FindAll("[data-testid=step-statuses] [aria-current]"));
        // One indicator that wraps at any width (seven titles are wider than a laptop screen); the stepper's own
        // header, whose check marks followed clicks rather than the saved facts, is not shown.
        Assert.Contains("flex-wrap", wizard.Find("[data-testid=step-statuses]").ClassList);
        var bar = wizard.Find(".mud-stepper-nav");
        Assert.Contains("d-none", bar.ClassList);
        Assert.DoesNotContain("d-sm-flex", bar.ClassList);
    }

    [Fact]
    public async Task StepQuery_Test_OpensTheTestStepWithItsButtonAndFinish()
    {
        await SaveSetupAsync();

        var wizard = RenderWizard("setup?step=test");

        wizard.WaitForElement("[data-testid=email-test-panel]");
        Assert.Contains(wizard.FindAll("button"), b => b.TextContent.Trim() == "Test Email Configuration");
        Assert.Contains(wizard.FindAll("button"), b => b.TextContent.Trim() == "Finish");
    }

    [Fact]
    public async Task TestRefusedByEntraId_AuthorizeStatusTurnsFromOkToNeedsAttention()
    {
        var applicationId = await SaveSetupAsync();
        await SessionsRevokedTestRunner.SaveAuthorizedAsync(Domain, applicationId, "svc-flexmail@contoso.com");
        Context.Services.AddSingleton<IEmailConfigurationTestRunner>(new SessionsRevokedTestRunner(Domain));
        var wizard = RenderWizard("setup?step=test");
        wizard.WaitForAssertion(() => Assert.Equal("ok", StatusOfStep(wizard, 6)));

        wizard.FindAll("button").Single(b => b.TextContent.Trim() == "Test Email Configuration").Click();

        wizard.WaitForAssertion(() => Assert.Equal("error", StatusOfStep(wizard, 6)));
        Assert.Equal("error", StatusOfStep(wizard, 7));
    }

    [Fact]
    public async Task Save_FromTheReviewStep_MovesOnToAuthorize()
    {
        await SaveSetupAsync();
        var wizard = RenderWizard();
        for (var step = 0; step < 4; step++)
        {
            await Click(wizard, "Next");
        }

        await Click(wizard, "Save");

        wizard.WaitForAssertion(() => Assert.Contains(wizard.FindAll("button"), b => b.TextContent.Trim() == "Authorize" && !b.HasAttribute("disabled")));
        Assert.Empty(wizard.FindAll("[data-testid=setup-save-first]"));
    }

    [Fact]
    public async Task Next_FromAuthorizeToTest_PutsTheTestStepInTheAddress()
    {
        await SaveSetupAsync();
        var wizard = RenderWizard("setup?step=authorize");
        wizard.WaitForElement("[data-testid=authorization-outgoing] button");

        await Click(wizard, "Next");

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        wizard.WaitForAssertion(() => Assert.EndsWith("setup?step=test", navigation.Uri));
    }
}
