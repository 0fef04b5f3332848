using Bunit;
using FlexMail.Portal.Components.Layout;
using FlexMail.Portal.Features.Sandbox;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Components.Layout;

public sealed class SandboxLayoutTests : ComponentTest
{
    protected override bool RendersOwnProviders => true;

    [Fact]
    public void SandboxOn_ShowsTheBannerAndTheSandboxEntries()
    {
        Context.Services.AddSingleton(Options.Create(new SandboxOptions { Enabled = true }));

        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(_ => { })));

        var banner = layout.Find("[data-testid=sandbox-banner]");
        Assert.Contains("Sandbox tenant is ON — sign-in and mail go to the portal's own emulation of Microsoft 365, not to Microsoft.", banner.TextContent);
        Assert.Equal("sandbox/tenant", banner.QuerySelector("a")!.GetAttribute("href")?.TrimStart('/'));
        var links = layout.FindAll(".mud-nav-link").Select(link => (Text: link.TextContent.Trim(), Href: link.GetAttribute("href")?.TrimStart('/'))).ToList();
        foreach (var section in PortalNavigation.SandboxSections)
        {
            Assert.Contains((section.Title, section.Href), links);
        }
    }

    [Fact]
    public void SandboxOff_ShowsNeitherBannerNorSandboxEntries()
    {
        Context.Services.AddSingleton(Options.Create(new SandboxOptions { Enabled = false }));

        var layout = Render<MainLayout>(parameters => parameters.Add(l => l.Body, (RenderFragment)(_ => { })));

        Assert.Empty(layout.FindAll("[data-testid=sandbox-banner]"));
        Assert.DoesNotContain(layout.FindAll(".mud-nav-link"), link => link.GetAttribute("href")?.Contains("sandbox") == true);
        Assert.Empty(layout.FindAll("[data-testid=sandbox-navigation]"));
    }

    [Fact]
    public void SandboxPage_WhenOff_ExplainsInsteadOfShowingTheTenant()
    {
        Context.Services.AddSingleton(Options.Create(new SandboxOptions { Enabled = false }));

        var page = Render<TenantPage>();

        Assert.Contains("The sandbox tenant is off", page.Find("[data-testid=sandbox-off]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=sandbox-users]"));
    }
}
