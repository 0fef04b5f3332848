using FlexMail.Portal.Hosting.SignIn;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace FlexMail.Portal.Components.Layout;

/// <summary>The drawer's entries, each shown to who may open it. A feature adds its entry when its pages exist.</summary>
public static class PortalNavigation
{
    public static IReadOnlyList<NavigationSection> Sections { get; } =
    [
        new("Dashboard", "", Icons.Material.Filled.Dashboard, NavLinkMatch.All, PortalPolicies.Support),
        new("Live Inbox", "inbox", Icons.Material.Filled.MarkEmailRead, NavLinkMatch.Prefix, PortalPolicies.Support),
        new("Approvals", "approvals", Icons.Material.Filled.FactCheck, NavLinkMatch.Prefix, PortalPolicies.Support),
        new("Setup", "setup", Icons.Material.Filled.AutoFixHigh, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("Email Settings", "settings/email", Icons.Material.Filled.Email, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("OAuth Applications", "oauth-applications", Icons.Material.Filled.AppRegistration, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("Credentials", "credentials", Icons.Material.Filled.Key, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("API Keys", "api-keys", Icons.Material.Filled.VpnKey, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("Audit", "audit", Icons.Material.Filled.History, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("API Reference", "scalar", Icons.Material.Filled.Api, NavLinkMatch.Prefix, PortalPolicies.Support),
    ];

    /// <summary>The sandbox tenant's pages, listed only when the sandbox is on.</summary>
    public static IReadOnlyList<NavigationSection> SandboxSections { get; } =
    [
        new("Tenant", "sandbox/tenant", Icons.Material.Filled.Domain, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("App registrations", "sandbox/apps", Icons.Material.Filled.AppRegistration, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("Mail", "sandbox/mail", Icons.Material.Filled.Inbox, NavLinkMatch.Prefix, PortalPolicies.Admin),
        new("Faults", "sandbox/faults", Icons.Material.Filled.BugReport, NavLinkMatch.Prefix, PortalPolicies.Admin),
    ];
}

/// <summary>One drawer entry.</summary>
public sealed record NavigationSection(string Title, string Href, string Icon, NavLinkMatch Match, string Policy);
