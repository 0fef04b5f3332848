using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>
/// The portal's Content-Security-Policy in a real browser: pages, circuit and the sandbox's sign-in all work under it,
/// with no violation reported, and what it forbids is forbidden.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Dashboard_UnderThePolicy_BecomesInteractiveWithNoViolation()
    {
        var page = await portal.OpenPageAsync();
        var violations = await PolicyViolations.RecordAsync(page);
        var dashboard = new DashboardPageModel(page);

        await dashboard.GotoAsync();
        await dashboard.WaitForInteractiveAsync();
        await dashboard.Button("Dark mode").ClickAsync();

        await Assertions.Expect(dashboard.Button("Light mode")).ToBeVisibleAsync();
        Assert.Empty(violations.Reports);
    }

    [Fact]
    public async Task SetupWizard_UnderThePolicy_BecomesInteractiveWithNoViolation()
    {
        var page = await portal.OpenPageAsync();
        var violations = await PolicyViolations.RecordAsync(page);
        var wizard = new SetupWizardPageModel(page);

        await wizard.GotoAsync();
        await wizard.NextAsync();

        await Assertions.Expect(wizard.Field("Client Id")).ToBeVisibleAsync();
        Assert.Empty(violations.Reports);
    }

    [Fact]
    public async Task SandboxMail_HtmlMessageInItsFrame_ShowsWithNoViolation()
    {
        var subject = $"Policy check {Guid.NewGuid():N}"[..30];
        await portal.Services.GetRequiredService<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
            SandboxSeed.ApprovalsMailbox.Id,
            new SandboxAddress("Approvals", SandboxSeed.ApprovalsMailbox.Mail!),
            [new SandboxAddress("Adele Vance", SandboxSeed.AdeleVance.Mail!)],
            subject, "html", "<html><body><p style=\"color: green\">Reply Approve or Reject.</p></body></html>"), CancellationToken.None);
        var page = await portal.OpenPageAsync();
        var violations = await PolicyViolations.RecordAsync(page);
        var mail = new SandboxMailPageModel(page);

        await mail.GotoAsync(SandboxSeed.AdeleVance.Mail!);
        await mail.OpenAsync(subject);

        await Assertions.Expect(mail.HtmlBody.GetByText("Reply Approve or Reject.")).ToBeVisibleAsync();
        Assert.Empty(violations.Reports);
    }

    [Fact]
    public async Task SandboxSignIn_FormPostToAnotherOrigin_SubmitsItselfWithNoViolation()
    {
        // A client on another origin, as a real one would be; the browser's request to it is answered by the test.
        const string redirectUri = "https://client.example.test/signin-oidc";
        var app = await portal.Services.GetRequiredService<SandboxAppRegistrations>()
            .CreateAsync($"Policy check {Guid.NewGuid():N}", [redirectUri], CancellationToken.None);
        var page = await portal.OpenPageAsync();
        var violations = await PolicyViolations.RecordAsync(page);
        var signIn = new SandboxSignInPageModel(page);
        await page.RouteAsync(redirectUri, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "signed in" }));

        await page.GotoAsync(QueryHelpers.AddQueryString($"/{SandboxTenant.TenantId}/oauth2/v2.0/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = app.AppId.ToString(),
            ["response_type"] = "code",
            ["response_mode"] = "form_post",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile",
            ["state"] = "policy-check",
        }));
        await Assertions.Expect(signIn.Heading).ToContainTextAsync("Sign in");
        await page.GetByLabel($"({SandboxSeed.AdeleVance.UserPrincipalName})").CheckAsync();
        var posted = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(), redirectUri);

        Assert.Equal("POST", posted.Method);
        var fields = QueryHelpers.ParseQuery(posted.PostData);
        Assert.Equal("policy-check", fields["state"]);
        Assert.NotEmpty(fields["code"].ToString());
        Assert.Empty(violations.Reports);
    }

    [Fact]
    public async Task Dashboard_InjectedInlineScript_IsRefusedAndReported()
    {
        var page = await portal.OpenPageAsync();
        var violations = await PolicyViolations.RecordAsync(page);
        var dashboard = new DashboardPageModel(page);
        await dashboard.GotoAsync();
        await dashboard.WaitForInteractiveAsync();

        var ran = await page.EvaluateAsync<bool>(
            "() => { const s = document.createElement('script'); s.textContent = 'window.injectedRan = true'; document.body.appendChild(s); return window.injectedRan === true; }");
        await violations.WaitForFirstAsync(TimeSpan.FromSeconds(20));

        Assert.False(ran);
        Assert.Contains(violations.Reports, report => report.Contains("script-src", StringComparison.Ordinal));
    }
}
