using Bunit;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox.QuickSetup;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static FlexMail.Tests.Components.Sandbox.ScriptedQuickSetup;

namespace FlexMail.Tests.Components.Sandbox;

/// <summary>The "Try with the sandbox" panel: its steps with verdicts in words, and the question before a real setup is replaced.</summary>
public sealed class TrySandboxPanelTests : ComponentTest
{
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    private IRenderedComponent<TrySandboxPanel> RenderPanel(ScriptedQuickSetup quickSetup)
    {
        Context.Services.AddSingleton<ISandboxQuickSetup>(quickSetup);
        _dialogs = Context.Render<MudDialogProvider>();
        return Render<TrySandboxPanel>();
    }

    private static void ClickTry(IRenderedComponent<TrySandboxPanel> panel) =>
        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Try with the sandbox").Click();

    private static string StepText(IRenderedComponent<TrySandboxPanel> panel, QuickSetupStep step) =>
        panel.Find($"[data-testid=try-sandbox-steps] li[data-step={step}]").TextContent;

    [Fact]
    public void Run_ShowsEachStepAsItEnds_WithItsVerdictAsAWord_AndTheRunningOne()
    {
        var quickSetup = new ScriptedQuickSetup
        {
            StepsBeforeFinish = [Passed(QuickSetupStep.RegisterApp), Passed(QuickSetupStep.CreateSecret)],
            StepsAfterFinish =
            [
                Passed(QuickSetupStep.SaveSettings),
                QuickSetupStepResult.Skipped(QuickSetupStep.AuthorizeServiceUser, "Application permissions: nothing to authorize."),
                Passed(QuickSetupStep.TestConfiguration),
            ],
        };
        var panel = RenderPanel(quickSetup);

        ClickTry(panel);

        panel.WaitForAssertion(() => Assert.Contains("Make a client secret done.", StepText(panel, QuickSetupStep.CreateSecret)));
        Assert.Equal("Passed", panel.Find("[data-testid=try-sandbox-verdict-RegisterApp]").TextContent.Trim());
        Assert.Contains("Running…", StepText(panel, QuickSetupStep.SaveSettings));
        Assert.Contains("Waiting", StepText(panel, QuickSetupStep.TestConfiguration));
        Assert.True(panel.FindAll("button").Single(b => b.TextContent.Trim() == "Try with the sandbox").HasAttribute("disabled"));

        quickSetup.Finish();

        panel.WaitForAssertion(() => Assert.Contains("Done: FlexMail is set up against the sandbox", panel.Find("[data-testid=try-sandbox-result]").TextContent));
        Assert.Equal("Skipped", panel.Find("[data-testid=try-sandbox-verdict-AuthorizeServiceUser]").TextContent.Trim());
        Assert.Contains("Application permissions: nothing to authorize.", StepText(panel, QuickSetupStep.AuthorizeServiceUser));
        Assert.Equal("Passed", panel.Find("[data-testid=try-sandbox-verdict-TestConfiguration]").TextContent.Trim());
    }

    [Fact]
    public void Run_ChosenMode_IsAskedForAsTheSignedInAdmin()
    {
        var quickSetup = new ScriptedQuickSetup();
        quickSetup.Finish();
        var panel = RenderPanel(quickSetup);

        panel.FindAll("label").Single(l => l.TextContent.Contains("Application: no user sign-in")).QuerySelector("input")!.Click();
        ClickTry(panel);

        panel.WaitForAssertion(() => Assert.Single(quickSetup.Requests));
        var request = quickSetup.Requests[0];
        Assert.Equal((QuickSetupMode.Application, TestActors.Admin.Name, false), (request.Mode, request.Actor.Name, request.ReplaceRealSetup));
    }

    [Fact]
    public void Run_StepFails_ShowsItsCauseAndFix_AndSaysTheSetupStopped()
    {
        var quickSetup = new ScriptedQuickSetup
        {
            StepsAfterFinish =
            [
                Passed(QuickSetupStep.RegisterApp),
                QuickSetupStepResult.Failed(QuickSetupStep.CreateSecret, "The sandbox refused the secret.", "Reset the sandbox and try again."),
            ],
        };
        quickSetup.Finish();
        var panel = RenderPanel(quickSetup);

        ClickTry(panel);

        panel.WaitForAssertion(() => Assert.Contains("The quick setup stopped", panel.Find("[data-testid=try-sandbox-result]").TextContent));
        Assert.Equal("Failed", panel.Find("[data-testid=try-sandbox-verdict-CreateSecret]").TextContent.Trim());
        Assert.Contains("The sandbox refused the secret.", StepText(panel, QuickSetupStep.CreateSecret));
        Assert.Contains("Fix: Reset the sandbox and try again.", StepText(panel, QuickSetupStep.CreateSecret));
    }

    [Fact]
    public async Task RealSetupExists_AsksNamingWhatIsReplaced_AndKeepingItRunsNothing()
    {
        var quickSetup = new ScriptedQuickSetup { Real = new RealSetup(["the email settings (SMTP User svc-flexmail@contoso.com)"]) };
        var panel = RenderPanel(quickSetup);

        ClickTry(panel); // waits for the confirmation

        _dialogs.WaitForAssertion(() => Assert.Contains("This replaces the email settings (SMTP User svc-flexmail@contoso.com).", _dialogs.Markup));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep my setup").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Contains("Nothing was changed: your setup is kept.", panel.Find("[data-testid=try-sandbox-kept]").TextContent));
        Assert.Empty(quickSetup.Requests);
        Assert.Empty(panel.FindAll("[data-testid=try-sandbox-steps]"));
    }

    [Fact]
    public async Task RealSetupExists_ReplacingIsConfirmed_RunsWithReplaceAllowed()
    {
        var quickSetup = new ScriptedQuickSetup
        {
            Real = new RealSetup(["the email settings (SMTP User svc-flexmail@contoso.com)"]),
            StepsAfterFinish = [.. QuickSetupSteps.All.Select(Passed)],
        };
        quickSetup.Finish();
        var panel = RenderPanel(quickSetup);

        ClickTry(panel);
        _dialogs.WaitForAssertion(() => Assert.Contains("Replace your setup?", _dialogs.Markup));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Replace with the sandbox setup").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.True(Assert.Single(quickSetup.Requests).ReplaceRealSetup));
        panel.WaitForAssertion(() => Assert.Contains("Done:", panel.Find("[data-testid=try-sandbox-result]").TextContent));
    }
}
