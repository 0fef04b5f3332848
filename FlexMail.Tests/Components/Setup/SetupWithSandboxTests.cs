using Bunit;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Features.EmailSettings;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Features.Setup;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Components.Setup;

/// <summary>The setup wizard with the sandbox tenant on: it sends the admin to the sandbox, not to the Entra admin center.</summary>
public sealed class SetupWithSandboxTests : SandboxComponentTest
{
    private IRenderedComponent<SetupPage> RenderWizard()
    {
        var wizard = Render<SetupPage>();
        wizard.WaitForElement("[data-testid=step-statuses]");
        return wizard;
    }

    [Fact]
    public void RegisterStep_PointsToTheSandboxAppRegistrationsAndItsRegisterButton()
    {
        var wizard = RenderWizard();

        var link = wizard.FindAll("a").Single(a => a.TextContent.Trim() == "App registrations (opens in a new tab)");
        Assert.Equal("sandbox/apps", link.GetAttribute("href"));
        Assert.Contains("Register an app for this portal", wizard.Find("[data-testid=sandbox-register-steps]").TextContent);
        Assert.DoesNotContain("In the Microsoft Entra admin center", wizard.Markup);
    }

    [Fact]
    public void RegisterStep_AsksOnlyForPermissionsTheSandboxLists()
    {
        var wizard = RenderWizard();

        var asked = wizard.FindAll("[data-testid=permission-list] tbody code").Select(code => code.TextContent.Trim()).ToList();
        Assert.Contains("offline_access", asked);
        Assert.All(asked, permission => Assert.Contains(permission, ApiPermissionsEditor.DelegatedChoices));
    }

    [Fact]
    public void SmtpUser_ExampleUsesTheSandboxDomain()
    {
        var fields = Render<OutgoingMailFields>(parameters => parameters
            .Add(f => f.Draft, new EmailSettingsDraft())
            .Add(f => f.Report, ValidationReport.Valid)
            .Add(f => f.Applications, []));

        Assert.Contains("e.g. svc-flexmail@contoso.test.", fields.Markup);
        Assert.DoesNotContain("svc-flexmail@contoso.com", fields.Markup);
    }
}
