using FlexMail.Domain.Audit;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

public sealed class EmailSettingsBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (await portal.Services.GetRequiredService<EmailSettingsService>().ExistsAsync(CancellationToken.None))
        {
            return;
        }
        var application = new OAuthApplicationDraft
        {
            Id = Guid.NewGuid(), Name = "FlexMail production", TenantId = "contoso.onmicrosoft.com",
            ClientId = "5d1a6bb6-1e1d-4b5e-9d43-0f1c1f3c2a77", ClientSecret = "Qx8~abcDEF.ghiJKL_mnoPQR-stuVWX",
        };
        var settings = new EmailSettingsDraft
        {
            ServerBaseUrl = "https://flexmail.contoso.com", SmtpUser = "svc-flexmail@contoso.com",
            SmtpOAuthApplicationId = application.Id, SmtpFromAddress = "svc-flexmail@contoso.com",
        };
        var saved = await portal.Services.GetRequiredService<SetupService>().SaveAsync(application, settings, new Actor("test", null), CancellationToken.None);
        Assert.True(saved.Saved);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CtrlS_AfterAnEdit_SavesAndClearsTheUnsavedMark()
    {
        var page = await portal.OpenPageAsync();
        var settings = new EmailSettingsPageModel(page);
        await settings.GotoAsync();

        await settings.Field("SMTP From Address").FillAsync("approvals@contoso.com");
        await Assertions.Expect(page.GetByTestId("unsaved-changes")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("save-shortcut")).ToHaveAttributeAsync("data-ready", "true");
        await page.Keyboard.PressAsync("Control+s");

        await Assertions.Expect(page.GetByTestId("unsaved-changes")).ToHaveCountAsync(0);
        var reloaded = await portal.Services.GetRequiredService<EmailSettingsService>().GetDraftAsync(CancellationToken.None);
        Assert.Equal("approvals@contoso.com", reloaded.SmtpFromAddress);
    }

    [Fact]
    public async Task LeavingWithUnsavedChanges_AsksFirst_AndStayKeepsTheInput()
    {
        var page = await portal.OpenPageAsync();
        var settings = new EmailSettingsPageModel(page);
        await settings.GotoAsync();
        await settings.Field("SMTP User").FillAsync("someone-else@contoso.com");

        await settings.Navigation.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Leave this page and lose them?")).ToBeVisibleAsync();
        await settings.Button("Stay on this page").ClickAsync();
        await Assertions.Expect(settings.Field("SMTP User")).ToHaveValueAsync("someone-else@contoso.com");
        Assert.EndsWith("/settings/email", page.Url);
    }
}
