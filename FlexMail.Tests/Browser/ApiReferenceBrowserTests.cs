using System.Text.RegularExpressions;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>The API reference renders in Chromium under the portal's Content-Security-Policy, reached from the navigation.</summary>
public sealed partial class ApiReferenceBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task ApiReference_FromTheNavigation_ShowsTheOperationsWithNoViolation()
    {
        var page = await portal.OpenPageAsync();
        var violations = await PolicyViolations.RecordAsync(page);
        var dashboard = new DashboardPageModel(page);
        await dashboard.GotoAsync();
        await dashboard.WaitForInteractiveAsync();

        await dashboard.Navigation.GetByRole(AriaRole.Link, new() { Name = "API Reference" }).ClickAsync();

        var reference = new ApiReferencePageModel(page);
        await Assertions.Expect(reference.Title).ToBeVisibleAsync();
        await reference.OpenGroupAsync("Approvals");
        await Assertions.Expect(reference.Operation("Create an approval request")).ToBeVisibleAsync();
        await Assertions.Expect(reference.Operation("Record an approver's decision")).ToBeVisibleAsync();
        Assert.Contains("/scalar", page.Url, StringComparison.Ordinal);
        // The one refusal: Scalar's bundle probes whether eval works (its schema library's optional compiled mode) and
        // carries on without it. The policy keeps eval forbidden here as everywhere.
        var unexpected = violations.Reports.Where(report => !EvalProbe().IsMatch(report)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    [GeneratedRegex(@"^(event|console): .*(script-src blocked eval in \S+/scalar/scalar\.js|Evaluating a string as JavaScript violates)")]
    private static partial Regex EvalProbe();
}
