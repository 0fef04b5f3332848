using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace FlexMail.Portal.Components.Layout;

/// <summary>The drawer's entries. A feature adds its entry when its pages exist.</summary>
public static class PortalNavigation
{
    public static IReadOnlyList<NavigationSection> Sections { get; } =
    [
        new("Dashboard", "", Icons.Material.Filled.Dashboard, NavLinkMatch.All),
        new("Setup", "setup", Icons.Material.Filled.AutoFixHigh, NavLinkMatch.Prefix),
        new("Email Settings", "settings/email", Icons.Material.Filled.Email, NavLinkMatch.Prefix),
        new("OAuth Applications", "oauth-applications", Icons.Material.Filled.AppRegistration, NavLinkMatch.Prefix),
        new("Credentials", "credentials", Icons.Material.Filled.Key, NavLinkMatch.Prefix),
        new("Audit", "audit", Icons.Material.Filled.History, NavLinkMatch.Prefix),
    ];

    /// <summary>The sandbox tenant's pages, listed only when the sandbox is on.</summary>
    public static IReadOnlyList<NavigationSection> SandboxSections { get; } =
    [
        new("Tenant", "sandbox/tenant", Icons.Material.Filled.Domain, NavLinkMatch.Prefix),
        new("App registrations", "sandbox/apps", Icons.Material.Filled.AppRegistration, NavLinkMatch.Prefix),
        new("Mail", "sandbox/mail", Icons.Material.Filled.Inbox, NavLinkMatch.Prefix),
        new("Faults", "sandbox/faults", Icons.Material.Filled.BugReport, NavLinkMatch.Prefix),
    ];
}

/// <summary>One drawer entry.</summary>
public sealed record NavigationSection(string Title, string Href, string Icon, NavLinkMatch Match);
