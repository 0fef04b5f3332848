using System.Net;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Integration.Hosting;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Integration.Sandbox;

/// <summary>One switch, no code change: with the sandbox off FlexMail talks to Microsoft; with it on, outside Development it says so.</summary>
public sealed class SandboxSwitchTests
{
    [Fact]
    public async Task SandboxOff_ServesNoSandboxEndpoints_AndPointsClientsAtMicrosoft()
    {
        await using var portal = Switched(sandboxEnabled: false);
        using var client = portal.CreateClient();

        var discovery = await client.GetAsync($"/sandbox/login/{SandboxTenant.Domain}/v2.0/.well-known/openid-configuration");
        var mapped = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "");
        var cloud = portal.Services.GetRequiredService<IMicrosoftCloud>();

        Assert.DoesNotContain(mapped, pattern => pattern.StartsWith(SandboxTenant.IdentityPath, StringComparison.Ordinal)
            || pattern.StartsWith(SandboxTenant.GraphPath, StringComparison.Ordinal) || pattern.StartsWith("/{tenant}", StringComparison.Ordinal));
        // Nothing is there, and an unknown address tells an anonymous caller only to sign in.
        Assert.Equal(HttpStatusCode.Unauthorized, discovery.StatusCode);
        Assert.IsType<PublicMicrosoftCloud>(cloud);
        Assert.Equal("https://login.microsoftonline.com/contoso.com", cloud.EndpointsFor(CloudInstance.Global).Authority("contoso.com").ToString());
        Assert.Equal("https://graph.microsoft.us/v1.0", cloud.EndpointsFor(CloudInstance.UsGovernmentL4).GraphBaseUrl.ToString());
        Assert.False(File.Exists(Path.Combine(portal.DataPath, SandboxServices.DatabaseFileName)));
    }

    [Fact]
    public async Task SandboxOn_OutsideDevelopment_WarnsAtStart()
    {
        await using var portal = Switched(sandboxEnabled: true);
        using var client = portal.CreateClient();

        await client.GetAsync("/health/live");

        Assert.Contains(portal.Warnings, message => message.Contains("The sandbox tenant is ON in environment Testing", StringComparison.Ordinal));
    }

    [Fact]
    public void SandboxOff_WithoutSignInConfigured_RefusesToStartSayingWhatToSet()
    {
        using var portal = Switched(sandboxEnabled: false, configureSignIn: false);

        var failure = Assert.Throws<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains("Portal sign-in is not configured: set FlexMail:SignIn:Instance, TenantId, ClientId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxOff_SignInWithACertificate_RedeemsCodesWithMsal()
    {
        await using var portal = Switched(sandboxEnabled: false, certificatePath: "/run/secrets/flexmail-sign-in.pfx");
        using var client = portal.CreateClient();

        var live = await client.GetAsync("/health/live");

        // ASP.NET's own code redemption sends only a client secret; with a certificate Microsoft.Identity.Web's token
        // acquisition (MSAL, a signed client assertion) must be on, else Entra ID answers AADSTS7000218.
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.NotNull(portal.Services.GetService<Microsoft.Identity.Web.ITokenAcquisition>());
    }

    /// <summary>The portal with the sandbox on or off; without it, people sign in at an organisation's tenant (an app registration there).</summary>
    private static HostingPortal Switched(bool sandboxEnabled, bool configureSignIn = true, string? certificatePath = null)
    {
        List<(string, string)> settings = [("FlexMail:Sandbox:Enabled", sandboxEnabled ? "true" : "false")];
        if (!sandboxEnabled && configureSignIn)
        {
            settings.Add(("FlexMail:SignIn:TenantId", "6f0e4c2a-1b3d-4e5f-8a9b-0c1d2e3f4a5b"));
            settings.Add(("FlexMail:SignIn:ClientId", "3c1e5a7b-9d2f-4b6a-8c0e-1f2a3b4c5d6e"));
            settings.AddRange(certificatePath is null
                ? [("FlexMail:SignIn:ClientSecret", "not-a-real-secret")]
                : [("FlexMail:SignIn:ClientCertificates:0:SourceType", "Path"), ("FlexMail:SignIn:ClientCertificates:0:CertificateDiskPath", certificatePath)]);
        }
        return new HostingPortal("Testing", [.. settings]);
    }
}
