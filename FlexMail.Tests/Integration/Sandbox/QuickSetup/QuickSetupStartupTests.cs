using FlexMail.Domain.EmailTest;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.QuickSetup;
using FlexMail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Integration.Sandbox.QuickSetup;

/// <summary><c>FlexMail:Sandbox:QuickSetup</c>: the unattended quick setup once the portal listens.</summary>
public sealed class QuickSetupStartupTests
{
    [Fact]
    public async Task Start_QuickSetupApplication_ConfiguresAFreshDatabase()
    {
        var portal = new KestrelPortal(("FlexMail:Sandbox:QuickSetup", "Application"));
        try
        {
            await portal.InitializeAsync();

            var kit = new QuickSetupKit(portal);
            var overview = await kit.OverviewAsync();
            Assert.True(overview.IsEmailConfigured, overview.Verdict.Headline);
            Assert.True(overview.OutgoingUsesApplicationPermissions);
            Assert.Equal(TestVerdict.Passed, overview.LastTest?.Verdict);
            Assert.Equal(QuickSetupTarget.AppName, Assert.Single(await kit.ApplicationsAsync()).Name);
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_QuickSetupApplication_RealSetupExists_IsNotOverwritten()
    {
        var portal = new KestrelPortal();
        try
        {
            await portal.InitializeAsync();
            var kit = new QuickSetupKit(portal);
            await kit.SaveRealSetupAsync();
            var startup = ActivatorUtilities.CreateInstance<QuickSetupStartup>(portal.Services,
                Options.Create(new SandboxOptions { Enabled = true, QuickSetup = QuickSetupMode.Application }));

            await startup.StartedAsync(CancellationToken.None);

            Assert.Equal("svc-flexmail@contoso.com", (await kit.SettingsAsync()).SmtpUser);
            Assert.Equal(["FlexMail production"], (await kit.ApplicationsAsync()).Select(a => a.Name));
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }

    [Fact]
    public void Validate_QuickSetupWithTheSandboxOff_NamesTheKeyAndTheFix()
    {
        var options = new SandboxOptions { Enabled = false, QuickSetup = QuickSetupMode.Delegated };

        var result = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));

        Assert.Contains("FlexMail:Sandbox:QuickSetup is Delegated, but the sandbox tenant is off", result.ErrorMessage);
        Assert.Contains("set FlexMail:Sandbox:QuickSetup to None", result.ErrorMessage);
    }

    [Fact]
    public void Validate_UnknownQuickSetupMode_IsRefused()
    {
        var options = new SandboxOptions { Enabled = true, QuickSetup = (QuickSetupMode)7 };

        var result = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));

        Assert.Contains("use None, Delegated or Application", result.ErrorMessage);
    }
}
