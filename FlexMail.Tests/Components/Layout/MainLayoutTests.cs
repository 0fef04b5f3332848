using Bunit;
using FlexMail.Portal.Components.Layout;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace FlexMail.Tests.Components.Layout;

public sealed class MainLayoutTests : ComponentTest
{
    protected override bool RendersOwnProviders => true;

    [Fact]
    public void Render_ShowsTheProductNameAndThePage()
    {
        var layout = RenderLayout(builder => builder.AddContent(0, "page body"));
        Assert.False(layout.Find(".mud-layout").HasAttribute("aria-busy")); // live: not busy

        Assert.Equal("FlexMail", layout.Find("[data-testid=product-name]").TextContent.Trim());
        Assert.Contains("page body", layout.Markup);
        Assert.Equal("true", layout.Find(".mud-layout").GetAttribute("data-interactive"));
    }

    [Fact]
    public void Render_NavigationListsEverySectionWithItsAddress()
    {
        var layout = RenderLayout(_ => { });

        var links = layout.FindAll("nav a, .mud-nav-link").Select(link => (Text: link.TextContent.Trim(), Href: link.GetAttribute("href"))).ToList();

        foreach (var section in PortalNavigation.Sections)
        {
            Assert.Contains(links, link => link.Text == section.Title && link.Href?.TrimStart('/') == section.Href);
        }
    }

    [Fact]
    public void DarkModeButton_Click_SwitchesToDarkModeAndOffersLightMode()
    {
        var layout = RenderLayout(_ => { });
        Assert.Contains("Dark mode", layout.FindAll("header button").Last().TextContent);

        layout.FindAll("button").Single(button => button.TextContent.Contains("Dark mode")).Click();

        Assert.Contains(layout.FindAll("button"), button => button.TextContent.Contains("Light mode"));
        Assert.DoesNotContain(layout.FindAll("button"), button => button.TextContent.Contains("Dark mode"));
    }

    [Fact]
    public void PageThatThrows_IsContainedByTheErrorBoundary_WithARetryButton()
    {
        var layout = RenderLayout(builder =>
        {
            builder.OpenComponent<ThrowingPage>(0);
            builder.CloseComponent();
        });

        Assert.Contains("Something went wrong on this page.", layout.Markup);
        Assert.Contains(layout.FindAll("button"), button => button.TextContent.Trim() == "Try again");
        Assert.Equal("FlexMail", layout.Find("[data-testid=product-name]").TextContent.Trim());
    }

    [Fact]
    public void Render_Prerendered_MarksThePageBusyUntilItIsLive()
    {
        Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prerendered = Context.Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, _ => { }));

        Assert.Equal("false", prerendered.Find(".mud-layout").GetAttribute("data-interactive"));
        Assert.Equal("true", prerendered.Find(".mud-layout").GetAttribute("aria-busy"));
    }

    private IRenderedComponent<MainLayout> RenderLayout(RenderFragment body) =>
        Render<MainLayout>(parameters => parameters.Add(layout => layout.Body, body));

    private sealed class ThrowingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("page failed");
    }
}
