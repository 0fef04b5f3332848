using System.Net;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Hosting.Hardening;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>
/// Every kind of response carries the security headers. A page may answer itself or redirect to sign-in: the headers
/// are asserted on whatever it answers, redirects not followed.
/// </summary>
public sealed class SecurityHeadersTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/setup")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/health/live")]
    [InlineData("/sandbox/apps")]
    public async Task SecurityHeaders_OnPagesStaticFilesAndHealth_ArePresent(string path)
    {
        using var client = NoRedirects(portal);

        using var response = await client.GetAsync(path);

        Assert.True(response.IsSuccessStatusCode || IsRedirect(response), $"{path} answered {response.StatusCode}");
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task SecurityHeaders_OnAProblemDetailsAnswer_ArePresent()
    {
        using var client = NoRedirects(portal);

        using var response = await client.GetAsync("/oauth/authorize");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || IsRedirect(response), $"answered {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task SecurityHeaders_OnTheNotFoundPage_ArePresent()
    {
        using var client = NoRedirects(portal);

        using var response = await client.GetAsync("/no-such-page");

        Assert.True(response.StatusCode == HttpStatusCode.NotFound || IsRedirect(response), $"answered {response.StatusCode}");
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task Page_ScriptSrc_AllowsExactlyItsInlineImportMap()
    {
        using var client = NoRedirects(portal);

        using var response = await client.GetAsync("/not-found");

        var policy = SecurityHeaderAssert.HasSecurityHeaders(response);
        var inline = SecurityHeaderAssert.InlineScriptHashes(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(inline);
        Assert.Equal(["'self'", .. inline], policy["script-src"]);
    }

    [Fact]
    public async Task NonPage_ScriptSrc_IsSelfOnly()
    {
        using var client = NoRedirects(portal);

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(["'self'"], SecurityHeaderAssert.HasSecurityHeaders(response)["script-src"]);
    }

    [Fact]
    public async Task Hsts_InProduction_IsSentForAYear()
    {
        await using var production = new HostingPortal("Production");
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://flexmail.example.test"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync("/health/live");

        var hsts = SecurityHeaderAssert.Header(response, "Strict-Transport-Security");
        Assert.Equal($"max-age={(long)SecurityHeadersSetup.HstsMaxAge.TotalSeconds}", hsts);
        Assert.Equal(31_536_000, (long)SecurityHeadersSetup.HstsMaxAge.TotalSeconds);
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task Hsts_InDevelopment_IsNotSent()
    {
        await using var development = new HostingPortal("Development");
        using var client = development.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://flexmail.example.test"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    [Fact]
    public async Task SecurityHeaders_OnAPageASignedInAdminOpens_ArePresent()
    {
        using var megan = await portal.SignInAsync(Portal.Sandbox.SandboxSeed.MeganBowen);

        using var response = await megan.Client.GetAsync(new Uri(portal.HttpsAddress, "/setup"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SecurityHeaderAssert.HasSecurityHeaders(response);
    }

    /// <summary>A client of the portal over https (trusting exactly its certificate), following no redirect.</summary>
    internal static HttpClient NoRedirects(KestrelPortal portal)
    {
        var pin = portal.Get<LocalHttpsCertificateInfo>().Certificate.GetPublicKey();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(certificate.GetPublicKey(), pin);
        var client = new HttpClient(handler) { BaseAddress = portal.HttpsAddress };
        // As a browser asks: pages then answer a redirect to sign-in, not the 401 that programs get.
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    internal static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;
}
