using System.Reflection;
using FlexMail.Tests.Browser.PageModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace FlexMail.Tests.Browser;

/// <summary>Every page fits a phone: at 390 px nothing widens the page past the screen (long ids and URLs wrap).</summary>
public sealed class PhoneWidthBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const int PhoneWidth = 390;

    /// <summary>Every page the portal routes to without a parameter, found on its components (not a hand list).</summary>
    public static TheoryData<string> Pages()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .Where(template => !template.Contains('{', StringComparison.Ordinal) && template is not "/error" and not "/not-found")
            .Distinct()
            .Order(StringComparer.Ordinal);
        return [.. routes];
    }

    /// <summary>Pages rendered without a circuit (anyone may see them: signed out, error, not found).</summary>
    private static bool IsStatic(string path) => typeof(Program).Assembly.GetTypes()
        .Any(type => type.GetCustomAttributes<RouteAttribute>().Any(route => route.Template == path)
            && type.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is not null);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtPhoneWidth_IsNoWiderThanTheScreen(string path)
    {
        var page = await portal.OpenPageAsync(options: new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 900 },
        });

        await page.GotoAsync(path.TrimStart('/'));
        if (!IsStatic(path))
        {
            await new ShellPageModel(page).WaitForInteractiveAsync();
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var widest = await page.EvaluateAsync<string>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)" +
            ".map(e => e.tagName + '.' + [...e.classList].join('.')).slice(-3).join(' | ')", PhoneWidth);
        Assert.True(width <= PhoneWidth, $"{path} is {width} px wide at {PhoneWidth} px: {widest}");
        await page.Context.DisposeAsync();
    }
}
