using FlexMail.Portal.Hosting;
using FlexMail.Portal.Hosting.Hardening;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>
/// The portal's cookie policy on its own: Secure and HttpOnly always, Lax unless a cookie asks otherwise, and an
/// OpenID Connect sign-in's SameSite=None correlation and nonce cookies left as they are (the form_post needs them).
/// </summary>
public sealed class CookiePolicyTests
{
    [Fact]
    public async Task Cookie_WithoutSameSite_IsSecureHttpOnlyAndLax()
    {
        await using var app = await StartAsync(context => context.Response.Cookies.Append("plain", "1"));

        var cookie = await SetCookieAsync(app, "plain");

        Assert.Equal(["httponly", "path=/", "samesite=lax", "secure"], cookie);
    }

    [Theory]
    [InlineData(SameSiteMode.None, "samesite=none")]
    [InlineData(SameSiteMode.Strict, "samesite=strict")]
    public async Task Cookie_WithItsOwnSameSite_KeepsIt(SameSiteMode mode, string expected)
    {
        await using var app = await StartAsync(context => context.Response.Cookies.Append("own", "1", new CookieOptions { SameSite = mode }));

        var cookie = await SetCookieAsync(app, "own");

        Assert.Contains(expected, cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Fact]
    public async Task OpenIdConnectChallenge_CorrelationAndNonceCookies_StaySameSiteNoneAndSecure()
    {
        await using var app = await StartAsync(context => context.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme), services =>
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie().AddOpenIdConnect(options =>
            {
                options.ClientId = "portal";
                options.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = "https://login.example.test/authorize" };
                options.ResponseMode = OpenIdConnectResponseMode.FormPost;
            }));

        var correlation = await SetCookieAsync(app, ".AspNetCore.Correlation.");
        var nonce = await SetCookieAsync(app, ".AspNetCore.OpenIdConnect.Nonce.");

        Assert.All(new[] { correlation, nonce }, cookie =>
        {
            Assert.Contains("samesite=none", cookie);
            Assert.Contains("secure", cookie);
            Assert.Contains("httponly", cookie);
        });
    }

    /// <summary>A server with only the portal's cookie policy in front of <paramref name="respond"/>.</summary>
    private static async Task<WebApplication> StartAsync(Func<HttpContext, Task> respond, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddFlexMailCookiePolicy();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseCookiePolicy();
        app.Run(new RequestDelegate(respond));
        await app.StartAsync();
        return app;
    }

    private static Task<WebApplication> StartAsync(Action<HttpContext> respond) => StartAsync(context =>
    {
        respond(context);
        return Task.CompletedTask;
    });

    /// <summary>The attributes (lower case, sorted, value dropped) of the cookie whose name starts with <paramref name="name"/>.</summary>
    private static async Task<IReadOnlyList<string>> SetCookieAsync(WebApplication app, string name)
    {
        using var client = app.GetTestClient();
        client.BaseAddress = new Uri("https://portal.example.test");
        using var response = await client.GetAsync("/");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith(name, StringComparison.Ordinal));
        return [.. cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1)
            .Where(attribute => !attribute.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))
            .Select(attribute => attribute.ToLowerInvariant()).Order(StringComparer.Ordinal)];
    }
}
