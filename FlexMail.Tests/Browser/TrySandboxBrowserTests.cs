using FlexMail.Tests.Browser.PageModels;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>"Try with the sandbox" as an admin clicks it on the Dashboard of a fresh portal.</summary>
public sealed class TrySandboxBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task TryWithTheSandbox_OnAFreshPortal_ShowsEveryStepPassed_AndTheDashboardSaysEmailIsConfigured()
    {
        var page = await portal.OpenPageAsync();
        var dashboard = new DashboardPageModel(page);
        await dashboard.GotoAsync();
        await dashboard.WaitForInteractiveAsync();
        await Assertions.Expect(dashboard.EmailStatus).ToContainTextAsync("Email is not configured yet.");

        await dashboard.Button("Try with the sandbox").ClickAsync();

        await Assertions.Expect(page.GetByTestId("try-sandbox-result")).ToContainTextAsync("Done: FlexMail is set up against the sandbox",
            new() { Timeout = 60_000 });
        var steps = page.GetByTestId("try-sandbox-steps").Locator("li");
        await Assertions.Expect(steps).ToHaveCountAsync(5);
        foreach (var step in await steps.AllAsync())
        {
            await Assertions.Expect(step).ToContainTextAsync("Passed");
        }
        await Assertions.Expect(dashboard.EmailStatus).ToContainTextAsync("Email is configured");
        await Assertions.Expect(dashboard.EmailStatus).Not.ToContainTextAsync("has not been tested yet");
    }
}
