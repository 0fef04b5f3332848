using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using FlexMail.Tests.Integration.MailboxAccess;
using FlexMail.Tests.Support;
using static FlexMail.Domain.EmailTest.TestVerdict;

namespace FlexMail.Tests.Integration.EmailTest;

/// <summary>
/// Test Email Configuration with application permissions: a real ClientSecretCredential made by
/// <see cref="ApplicationTokenSources"/> from an OAuth application saved through FlexMail's own services.
/// </summary>
public sealed class EmailConfigurationTestApplicationTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly TokenSourceScenario _scenario = new(portal);
    private readonly EmailConfigurationTestKit _kit = new(portal);

    [Fact]
    public async Task Run_ApplicationWithSecret_AllStepsPassButWhoAmIIsSkipped()
    {
        var app = await _scenario.RegisterAppAsync();
        var secret = await _scenario.AddSecretAsync(app);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        using var tokens = await portal.Get<ApplicationTokenSources>().ForApplicationAsync(application, CancellationToken.None);

        var report = await _kit.RunAsync(Request(tokens));

        EmailConfigurationTestKit.AssertVerdicts(report, Passed, Skipped, Passed, Passed, Passed);
        Assert.Equal(Passed, report.Verdict);
        Assert.Contains("application token with the application permissions Mail.ReadWrite, Mail.Send", report[TestStep.AcquireToken].Summary);
        Assert.Contains("application permissions have no signed-in user", report[TestStep.WhoAmI].Summary);
    }

    [Fact]
    public async Task Run_WrongSecret_AcquireTokenFailsWith7000215AndLaterStepsAreSkipped()
    {
        var app = await _scenario.RegisterAppAsync();
        await _scenario.AddSecretAsync(app);
        var application = await _scenario.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), "Xy78Q~NotTheValueOfAnySecretOfThisApp000");
        using var tokens = await portal.Get<ApplicationTokenSources>().ForApplicationAsync(application, CancellationToken.None);

        var report = await _kit.RunAsync(Request(tokens));

        EmailConfigurationTestKit.AssertVerdicts(report, Failed, Skipped, Skipped, Skipped, Skipped);
        var token = report[TestStep.AcquireToken];
        Assert.Equal("AADSTS7000215", token.Code);
        Assert.Contains("you probably pasted the secret ID, not its value", token.Cause);
        Assert.Contains("copy the Value column of the secret", token.Fix);
        Assert.All(report.Steps.Skip(1), s => Assert.Equal("Skipped because \"Acquire token\" failed.", s.Summary));
        Assert.Equal(Failed, report.Verdict);
    }

    private static EmailConfigurationTestRequest Request(ApplicationTokenSource tokens) => new(
        CloudInstance.Global, tokens, PermissionMode.Application, EmailConfigurationTestKit.ServiceUser, EmailConfigurationTestKit.Approvals,
        EmailConfigurationTestKit.Recipient, EmailConfigurationTestKit.Approvals, EmailConfigurationTestKit.ReplyFolder);
}
