using Bunit;
using FlexMail.Domain.Audit;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Portal.Features.Dashboard;
using FlexMail.Portal.Features.EmailSettings;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.EmailTest;

/// <summary>Test Email Configuration where admins meet it: the email settings page and the dashboard, with the real domain services.</summary>
public sealed class EmailTestPlacementTests : DomainComponentTest
{
    private const string ButtonName = "Test Email Configuration";

    private Task<Guid> SaveSettingsAsync() => SaveSetupAsync(settings => settings.SmtpFromAddress = "approvals@contoso.com");

    private IRenderedComponent<EmailSettingsPage> RenderSettings()
    {
        var page = Render<EmailSettingsPage>();
        page.WaitForAssertion(() => Assert.Equal("approvals@contoso.com", InputLabelled(page, "Test recipient").GetAttribute("value")));
        return page;
    }

    private static AngleSharp.Dom.IElement TestButton<T>(IRenderedComponent<T> page) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == ButtonName);

    [Fact]
    public async Task EmailSettings_UnsavedChange_TestButtonIsDisabledUntilSaved()
    {
        await SaveSettingsAsync();
        var page = RenderSettings();
        Assert.False(TestButton(page).HasAttribute("disabled"));
        Assert.Contains(page.FindAll("h2"), h => h.TextContent.Trim() == "Test Email Configuration");

        InputLabelled(page, "SMTP From Address").Input("svc-flexmail@contoso.com");

        page.WaitForAssertion(() => Assert.True(TestButton(page).HasAttribute("disabled")));
        Assert.Contains("Save first: the test uses the saved settings.", page.Find("[data-testid=email-test-save-first]").TextContent);
    }

    [Fact]
    public async Task EmailSettings_FromAddressChangedAndSaved_TestRecipientFollowsAndTheButtonIsEnabledAgain()
    {
        await SaveSettingsAsync();
        var page = RenderSettings();
        InputLabelled(page, "SMTP From Address").Input("svc-flexmail@contoso.com");
        page.WaitForAssertion(() => Assert.True(TestButton(page).HasAttribute("disabled")));

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("svc-flexmail@contoso.com", InputLabelled(page, "Test recipient").GetAttribute("value")));
        Assert.False(TestButton(page).HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=email-test-save-first]"));
    }

    [Fact]
    public async Task EmailSettings_DelegatedAppNeverAuthorized_TestSaysAuthorizeTheSmtpUserFirst()
    {
        await SaveSettingsAsync();
        var page = RenderSettings();

        TestButton(page).Click();

        page.WaitForAssertion(() => Assert.Contains("Authorize the SMTP User first", page.Find("[data-testid=email-test-problem]").TextContent));
        Assert.Contains("svc-flexmail@contoso.com is not authorized yet", page.Find("[data-testid=email-test-problem]").TextContent);
        Assert.Null(await Domain.Get<EmailConfigurationTestHistory>().LastAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Dashboard_ConfiguredAndTested_ShowsTheLastTestOutcomeAndWhen()
    {
        var applicationId = await SaveSettingsAsync();
        await using (var db = await Domain.Contexts.CreateDbContextAsync())
        {
            db.MailboxAuthorizations.Add(new MailboxAuthorization
            {
                Role = MailboxRole.Outgoing, OAuthApplicationId = applicationId, UserPrincipalName = "svc-flexmail@contoso.com",
                Status = AuthorizationStatus.Authorized, AuthorizedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var at = new DateTimeOffset(2026, 11, 30, 14, 5, 0, TimeSpan.Zero);
        var report = new EmailConfigurationTestReport(at, at.AddSeconds(3),
            [new(TestStep.AcquireToken, TestVerdict.Warning, TimeSpan.FromMilliseconds(300), "Entra ID issued an application token.")]);
        await Domain.Get<EmailConfigurationTestHistory>().SaveAsync(EmailConfigurationTestRun.From(report, new Actor("Megan Bowen", null), "approvals@contoso.com"),
            CancellationToken.None);

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Last test: 2026-11-30 14:05 UTC by Megan Bowen: passed with warnings",
            string.Join(' ', page.Find("[data-testid=email-test-last-run]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal("warning", page.Find("[data-testid=email-test-last-run]").GetAttribute("data-verdict"));
    }
}
