using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace FlexMail.Portal.Components.Layout;

/// <summary>The drawer's entries. A feature adds its entry when its pages exist.</summary>
public static class PortalNavigation
{
    public static IReadOnlyList<NavigationSection> Sections { get; } =
    [
        new("Dashboard", "", Icons.Material.Filled.Dashboard, NavLinkMatch.All),
        new("Audit", "audit", Icons.Material.Filled.History, NavLinkMatch.Prefix),
    ];
}

/// <summary>One drawer entry.</summary>
public sealed record NavigationSection(string Title, string Href, string Icon, NavLinkMatch Match);
