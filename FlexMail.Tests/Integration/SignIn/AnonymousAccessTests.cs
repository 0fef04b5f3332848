using System.Net;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Xunit.Abstractions;

namespace FlexMail.Tests.Integration.SignIn;

/// <summary>Nobody gets in without signing in: every page and endpoint the portal maps, discovered from the app itself.</summary>
public sealed class AnonymousAccessTests(KestrelPortal portal, ITestOutputHelper output) : IClassFixture<KestrelPortal>
{
    /// <summary>What stays open, each for its reason (see PortalPipeline and the sandbox's mappings); anything else new must not be.</summary>
    private static readonly string[] OpenPatterns =
    [
        "/health/live", "/health/ready",                          // probes carry no credentials
        "/flexdeploy/rest/v2/oauth",                              // Entra ID's redirect; state, browser binding and PKCE are its checks
        "/account/sign-in", "/signed-out", "/error", "/not-found", // signing in, and what anyone may be shown
        "/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg", // the API reference's package files: no data, like static assets
    ];

    [Fact]
    public void OpenEndpoints_AreOnlyTheStatedOnes()
    {
        var open = PortalEndpoints.Discover(portal.Services).Where(e => e.IsOpen).Select(e => e.Pattern)
            .Where(pattern => !IsSandboxProtocol(pattern)).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(OpenPatterns.Order(StringComparer.Ordinal), open);
    }

    [Fact]
    public async Task EveryPage_Anonymous_IsSentToSignIn()
    {
        var pages = PortalEndpoints.Discover(portal.Services).Where(e => e.IsPage && !e.IsOpen).DistinctBy(e => e.Pattern).ToList();
        using var browser = new Support.Sandbox.SandboxSignIn(portal);
        browser.Client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var refused = new List<string>();
        foreach (var page in pages)
        {
            var step = await browser.GetAsync(new Uri(portal.HttpsAddress, page.Address));
            var toSignIn = step.Status == HttpStatusCode.Redirect && step.Location?.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal) == true;
            if (!toSignIn)
            {
                refused.Add($"{page}: {step.Status} {step.Location}");
            }
        }

        output.WriteLine($"{pages.Count} page routes sent to sign-in anonymously: {string.Join(", ", pages)}");
        Assert.True(pages.Count >= 11, $"Only {pages.Count} pages were discovered.");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task EveryOtherEndpoint_Anonymous_Answers401()
    {
        var endpoints = PortalEndpoints.Discover(portal.Services).Where(e => !e.IsPage && !e.IsOpen).ToList();
        using var client = new Support.Sandbox.SandboxSignIn(portal);

        var answered = new List<string>();
        foreach (var endpoint in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(portal.HttpsAddress, endpoint.Address));
            if (endpoint.Method != "GET")
            {
                request.Content = new StringContent("");
            }
            using var response = await client.Client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                answered.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        output.WriteLine($"{endpoints.Count} other endpoints answered 401 anonymously: {string.Join(", ", endpoints)}");
        Assert.NotEmpty(endpoints);
        Assert.Empty(answered);
    }

    private static bool IsSandboxProtocol(string pattern) =>
        pattern.StartsWith(SandboxTenant.GraphPath + "/", StringComparison.Ordinal)
        || pattern.StartsWith(SandboxTenant.IdentityPath + "/{tenant}", StringComparison.Ordinal)
        || pattern.StartsWith("/{tenant}", StringComparison.Ordinal);
}
