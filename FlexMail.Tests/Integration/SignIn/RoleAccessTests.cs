using System.Net;
using FlexMail.Portal.Hosting.SignIn;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.SignIn;

/// <summary>Each role reaches what it may and is shown why it may not reach the rest, signed in through the sandbox.</summary>
public sealed class RoleAccessTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task Support_OnEveryAdminPage_IsSentToTheMissingRolePage()
    {
        var adminPages = PortalEndpoints.Discover(portal.Services).Where(e => e.IsPage && PortalEndpoints.NeedsAdmin(e)).ToList();
        using var alex = await portal.SignInAsync(SandboxSeed.AlexWilber);

        var reached = new List<string>();
        foreach (var page in adminPages)
        {
            var step = await alex.GetAsync(new Uri(portal.HttpsAddress, page.Address));
            if (step.Location?.AbsolutePath != "/access-denied")
            {
                reached.Add($"{page}: {step.Status} {step.Location}");
            }
        }

        Assert.True(adminPages.Count >= 10, $"Only {adminPages.Count} Admin pages were discovered.");
        Assert.Empty(reached);
    }

    [Fact]
    public async Task Support_OnTheDashboard_SeesIt()
    {
        using var alex = await portal.SignInAsync(SandboxSeed.AlexWilber);

        var dashboard = await alex.OpenAsync(portal.HttpsAddress);

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Alex Wilber · Support", dashboard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Email Settings", dashboard.Document.QuerySelector("nav")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_OnEveryPage_SeesIt()
    {
        var pages = PortalEndpoints.Discover(portal.Services).Where(e => e.IsPage && !e.IsOpen && !e.Pattern.Contains('{', StringComparison.Ordinal)).ToList();
        using var megan = await portal.SignInAsync(SandboxSeed.MeganBowen);

        var refused = new List<string>();
        foreach (var page in pages)
        {
            var step = await megan.GetAsync(new Uri(portal.HttpsAddress, page.Address));
            if (step.Status != HttpStatusCode.OK)
            {
                refused.Add($"{page}: {step.Status} {step.Location}");
            }
        }

        Assert.Empty(refused);
    }

    [Fact]
    public async Task NoRole_OnTheDashboard_IsToldWhichRoleToAskForAndWhoGrantsIt()
    {
        using var diego = await portal.SignInAsync(SandboxSeed.DiegoSiciliani);

        var refused = await diego.GetAsync(portal.HttpsAddress);
        var explained = await diego.OpenAsync(refused.Location!);

        Assert.Equal("/access-denied", refused.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, explained.Status);
        Assert.Contains("You are signed in as Diego Siciliani, but your account has no FlexMail role yet.", explained.Text, StringComparison.Ordinal);
        Assert.Contains(PortalRoles.Admin, explained.Text, StringComparison.Ordinal);
        Assert.Contains(PortalRoles.Support, explained.Text, StringComparison.Ordinal);
        Assert.Contains("Enterprise applications", explained.Text, StringComparison.Ordinal);
        Assert.True(explained.HasButton("Sign out"));
    }

    [Fact]
    public async Task SignOut_WithTheFormsToken_EndsTheSession()
    {
        using var megan = await portal.SignInAsync(SandboxSeed.MeganBowen);
        var dashboard = await megan.OpenAsync(portal.HttpsAddress);

        var signedOut = await megan.SubmitAsync(dashboard, "Sign out");
        var afterwards = await megan.GetAsync(portal.HttpsAddress);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.EndsWith("/oauth2/v2.0/logout", signedOut.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/oauth2/v2.0/authorize", afterwards.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithoutTheFormsToken_IsRefusedAndTheSessionStays()
    {
        using var megan = await portal.SignInAsync(SandboxSeed.MeganBowen);
        var dashboard = await megan.OpenAsync(portal.HttpsAddress);

        var forged = await megan.SubmitAsync(dashboard, "Sign out", withAntiforgeryToken: false);
        var afterwards = await megan.GetAsync(portal.HttpsAddress);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_WithAReturnUrlElsewhere_ComesBackToTheDashboard(string returnUrl)
    {
        using var browser = await portal.SignInAsync(SandboxSeed.MeganBowen, "/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync(portal.HttpsAddress)).Status);
        Assert.Equal(new Uri(portal.HttpsAddress, "/"), browser.LastRedirect);
    }
}
