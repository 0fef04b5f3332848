using System.Net;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

public sealed class DashboardBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Dashboard_OverHttps_ShowsTheProductNameOnceInteractive()
    {
        var page = await portal.OpenPageAsync();
        var dashboard = new DashboardPageModel(page);

        var response = await dashboard.GotoAsync();
        await dashboard.WaitForInteractiveAsync();

        Assert.NotNull(response);
        Assert.Equal((int)HttpStatusCode.OK, response.Status);
        Assert.StartsWith("https://", page.Url);
        Assert.Equal("FlexMail", (await dashboard.ProductName.TextContentAsync())?.Trim());
        Assert.Contains("Email is not configured yet.", await dashboard.EmailStatus.TextContentAsync());
    }

    [Fact]
    public async Task DarkModeButton_Click_SwitchesTheThemeInTheBrowser()
    {
        var page = await portal.OpenPageAsync();
        var dashboard = new DashboardPageModel(page);
        await dashboard.GotoAsync();
        await dashboard.WaitForInteractiveAsync();

        await dashboard.Button("Dark mode").ClickAsync();

        await Assertions.Expect(dashboard.Button("Light mode")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DarkModeButton_ClickedRightAfterThePageLoads_IsNotLost()
    {
        var page = await portal.OpenPageAsync();
        var dashboard = new DashboardPageModel(page);

        // No wait for the live connection: the prerendered button takes no click until the page is live, so
        // Playwright's click waits for it instead of clicking a button that would ignore it.
        await dashboard.GotoAsync();
        await dashboard.Button("Dark mode").ClickAsync();

        await Assertions.Expect(dashboard.Button("Light mode")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Navigation_AuditLink_OpensTheAuditPageWithTheMigrationRecorded()
    {
        var page = await portal.OpenPageAsync();
        var dashboard = new DashboardPageModel(page);
        await dashboard.GotoAsync();
        await dashboard.WaitForInteractiveAsync();

        await dashboard.Navigation.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Database migrated" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(portal.HttpAddress, "/"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri(portal.HttpsAddress, "/"), response.Headers.Location);
    }
}
