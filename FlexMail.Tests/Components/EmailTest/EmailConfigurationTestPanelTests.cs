using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Portal.Features.EmailTest;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static FlexMail.Domain.EmailTest.TestStep;
using static FlexMail.Domain.EmailTest.TestVerdict;
using static FlexMail.Tests.Components.EmailTest.ScriptedTestRunner;

namespace FlexMail.Tests.Components.EmailTest;

public sealed class EmailConfigurationTestPanelTests : DomainComponentTest
{
    private const string ButtonName = "Test Email Configuration";

    private IRenderedComponent<EmailConfigurationTestPanel> RenderPanel(ScriptedTestRunner runner, bool dirty = false)
    {
        Context.Services.AddSingleton<IEmailConfigurationTestRunner>(runner);
        var panel = Render<EmailConfigurationTestPanel>(parameters => parameters.Add(p => p.Dirty, dirty));
        panel.WaitForAssertion(() => Assert.Equal(runner.DefaultRecipient, InputLabelled(panel, "Test recipient").GetAttribute("value")));
        return panel;
    }

    private static AngleSharp.Dom.IElement TestButton(IRenderedComponent<EmailConfigurationTestPanel> panel) =>
        panel.FindAll("button").Single(b => b.TextContent.Trim() == ButtonName);

    private static IReadOnlyList<(string Step, string Verdict)> ShownSteps(IRenderedComponent<EmailConfigurationTestPanel> panel) =>
        [.. panel.FindAll("[data-testid=email-test-step]").Select(li => (li.GetAttribute("data-step")!, li.QuerySelector(".mud-chip")!.TextContent.Trim()))];

    /// <summary>The element's text as a browser shows it (runs of whitespace collapsed).</summary>
    private static string Text(AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Run_StepsReportedWhileRunning_EachShowsLiveWithVerdictTextThenTheOverallVerdict()
    {
        var runner = new ScriptedTestRunner
        {
            StepsBeforeFinish = [Step(AcquireToken, Passed, "Entra ID issued a delegated token.", 1500), Step(WhoAmI, Passed, "Signed in as FlexMail Service.")],
            StepsAfterFinish = [Step(SendTestMail, Passed, "Sent the test mail."), Step(OpenReplyFolder, Skipped, "Skipped: email approval is off."),
                Step(ReadOneMessage, Skipped, "Skipped: email approval is off.")],
        };
        var panel = RenderPanel(runner);

        TestButton(panel).Click();

        panel.WaitForAssertion(() => Assert.Equal([("AcquireToken", "Passed"), ("WhoAmI", "Passed")], ShownSteps(panel)));
        Assert.NotEmpty(panel.FindAll("[data-testid=email-test-running]"));
        Assert.Empty(panel.FindAll("[data-testid=email-test-verdict]"));
        Assert.True(TestButton(panel).HasAttribute("disabled"));
        Assert.Contains("1.5 s", panel.FindAll("[data-testid=email-test-step-duration]")[0].TextContent);
        Assert.Contains("Entra ID issued a delegated token.", panel.Markup);

        runner.Finish();

        panel.WaitForAssertion(() => Assert.Contains("Test result: Passed.", panel.Find("[data-testid=email-test-verdict]").TextContent));
        Assert.Equal("Test result: Passed. Every step worked.", Text(panel.Find("[data-testid=email-test-verdict]")));
        Assert.Equal(["Passed", "Passed", "Passed", "Skipped", "Skipped"], ShownSteps(panel).Select(s => s.Verdict));
        Assert.Empty(panel.FindAll("[data-testid=email-test-running]"));
        Assert.Contains("Last test: 2026-11-27 09:30 UTC by Megan Bowen: passed", Text(panel.Find("[data-testid=email-test-last-run]")));
    }

    [Fact]
    public void Run_StepFails_ShowsItsCauseFixAndCodeAndTheOverallVerdictFailed()
    {
        var runner = new ScriptedTestRunner
        {
            StepsBeforeFinish =
            [
                Step(AcquireToken, Passed, "Entra ID issued a delegated token."),
                Step(SendTestMail, Failed, "\"Send a test mail\" failed: ErrorSendAsDenied (HTTP 403).") with
                {
                    Cause = "svc-flexmail@contoso.test may not send as approvals@contoso.test.",
                    Fix = "Give svc-flexmail@contoso.test Send As on approvals@contoso.test.",
                    Code = "ErrorSendAsDenied",
                },
            ],
        };
        var panel = RenderPanel(runner);
        runner.Finish();

        TestButton(panel).Click();

        panel.WaitForAssertion(() => Assert.Equal("failed", panel.Find("[data-testid=email-test-verdict]").GetAttribute("data-verdict")));
        Assert.Equal(("SendTestMail", "Failed"), ShownSteps(panel)[1]);
        Assert.Equal("Cause: svc-flexmail@contoso.test may not send as approvals@contoso.test.",
            panel.Find("[data-testid=email-test-step-cause]").TextContent.Trim());
        Assert.Equal("Fix: Give svc-flexmail@contoso.test Send As on approvals@contoso.test.", panel.Find("[data-testid=email-test-step-fix]").TextContent.Trim());
        Assert.Contains("ErrorSendAsDenied", panel.Find("[data-testid=email-test-step-code]").TextContent);
        Assert.Contains("Test result: Failed.", panel.Find("[data-testid=email-test-verdict]").TextContent);
        Assert.DoesNotContain("Failed. Failed", Text(panel.Find("[data-testid=email-test-verdict]")));
        // The verdict is said in words next to its icon, not by colour alone.
        Assert.NotNull(panel.FindAll("[data-testid=email-test-step]")[1].QuerySelector(".mud-chip svg"));
    }

    [Fact]
    public void Render_PageHasUnsavedChanges_ButtonDisabledWithSaveFirst()
    {
        var runner = new ScriptedTestRunner();
        var panel = RenderPanel(runner, dirty: true);

        Assert.True(TestButton(panel).HasAttribute("disabled"));
        Assert.Equal("Save first: the test uses the saved settings.", panel.Find("[data-testid=email-test-save-first]").TextContent.Trim());

        panel.Render(parameters => parameters.Add(p => p.Dirty, false));

        Assert.False(TestButton(panel).HasAttribute("disabled"));
        Assert.Empty(panel.FindAll("[data-testid=email-test-save-first]"));
        Assert.Empty(runner.Recipients);
    }

    [Fact]
    public void Run_CannotTest_ShowsTheProblemWithItsFixAndKeepsTheTypedRecipient()
    {
        var runner = new ScriptedTestRunner
        {
            Problem = new(MailboxConnections.NotUsable, "The SMTP User svc-flexmail@contoso.test is not authorized yet: FlexMail has no sign-in to test with.",
                "Authorize the SMTP User first: click Authorize in the Outgoing (SMTP) section and sign in as svc-flexmail@contoso.test."),
        };
        var panel = RenderPanel(runner);
        InputLabelled(panel, "Test recipient").Input("megan.bowen@contoso.test");

        TestButton(panel).Click();

        panel.WaitForAssertion(() => Assert.Contains("is not authorized yet", panel.Find("[data-testid=email-test-problem]").TextContent));
        var alert = panel.Find("[data-testid=email-test-problem]");
        Assert.Contains("mud-alert-text-error", alert.ClassName);
        Assert.Contains("Fix: Authorize the SMTP User first", alert.TextContent);
        Assert.Equal(["megan.bowen@contoso.test"], runner.Recipients);
        Assert.Equal("megan.bowen@contoso.test", InputLabelled(panel, "Test recipient").GetAttribute("value"));
        Assert.Empty(panel.FindAll("[data-testid=email-test-verdict]"));
        Assert.Contains("Last test: never", Text(panel.Find("[data-testid=email-test-last-run]")));
    }

    [Fact]
    public void Render_StoredRun_ShowsTheLastTestWhenByWhomAndOutcomeOnLoad()
    {
        var report = new EmailConfigurationTestReport(Start, Start.AddSeconds(4),
        [
            Step(AcquireToken, Passed, "Entra ID issued a delegated token."),
            Step(OpenReplyFolder, Failed, "\"Open the reply folder\" failed: ErrorItemNotFound (HTTP 404)."),
        ]);
        var runner = new ScriptedTestRunner { LastRun = EmailConfigurationTestRun.From(report, new Actor("Adele Vance", null), "adele.vance@contoso.test") };

        var panel = RenderPanel(runner);

        var last = panel.Find("[data-testid=email-test-last-run]");
        Assert.Contains("Last test: 2026-11-27 09:30 UTC by Adele Vance: failed (test mail to adele.vance@contoso.test)", Text(last));
        Assert.Contains("Open the reply folder: \"Open the reply folder\" failed: ErrorItemNotFound", Text(last));
        Assert.Equal("Failed", last.QuerySelector(".mud-chip")!.TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=email-test-step]"));
    }
}
