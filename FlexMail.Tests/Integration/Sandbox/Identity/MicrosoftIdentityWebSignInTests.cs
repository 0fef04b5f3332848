using System.Net;
using System.Security.Claims;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>A web app signing people in with Microsoft.Identity.Web's OpenID Connect, unchanged, against the sandbox.</summary>
public sealed class MicrosoftIdentityWebSignInTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task ProtectedPage_AfterSandboxSignIn_ShowsTheSignedInUsersName()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["User.Read"]);
        await using var web = await StartWebAppAsync(app.ClientId, app.Secret);
        await portal.Get<SandboxAppRegistrations>().SetRedirectUrisAsync(app.ClientId, [new Uri(web.Address, "signin-oidc").ToString()], CancellationToken.None);
        using var browser = new SandboxSignIn(portal);
        var profile = new Uri(web.Address, "profile");

        var challenge = await browser.GetAsync(profile);
        Assert.StartsWith(portal.Authority(SandboxTenant.TenantId.ToString()) + "/oauth2/v2.0/authorize", challenge.Location?.ToString(), StringComparison.Ordinal);
        var formPost = (await browser.SubmitAsync(await browser.OpenAsync(challenge.Location!), "Sign in", SandboxSeed.AdeleVance.Id)).Page!;
        var signedIn = await browser.SubmitAsync(formPost, "Submit");
        Assert.Equal(profile, signedIn.Location);
        using var page = await browser.Client.GetAsync(profile);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Microsoft.Identity.Web names v2.0 users by preferred_username; the display name is the "name" claim.
        Assert.Equal($"adele.vance@contoso.test|Adele Vance|{SandboxSeed.AdeleVance.Id}", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SeededPortalApp_MeganSignsIn_IsInRoleFlexMailAdmin()
    {
        await using var web = await StartPortalSignInAsync();
        using var browser = new SandboxSignIn(portal);

        var signedIn = await SignInAsync(browser, web, SandboxSeed.MeganBowen);

        Assert.Equal(new Uri(web.Address, "roles"), signedIn.Location);
        Assert.Equal("admin=True|FlexMail.Admin", await browser.Client.GetStringAsync(new Uri(web.Address, "roles")));
    }

    [Fact]
    public async Task SeededPortalApp_AlexSignsIn_HasOnlyFlexMailSupport()
    {
        await using var web = await StartPortalSignInAsync();
        using var browser = new SandboxSignIn(portal);

        await SignInAsync(browser, web, SandboxSeed.AlexWilber);

        Assert.Equal("admin=False|FlexMail.Support", await browser.Client.GetStringAsync(new Uri(web.Address, "roles")));
    }

    [Fact]
    public async Task SeededPortalApp_DiegoSignsIn_HasNoRolesClaim()
    {
        await using var web = await StartPortalSignInAsync();
        using var browser = new SandboxSignIn(portal);

        await SignInAsync(browser, web, SandboxSeed.DiegoSiciliani);

        Assert.Equal("admin=False|", await browser.Client.GetStringAsync(new Uri(web.Address, "roles")));
    }

    [Fact]
    public async Task AssignmentRequired_UnassignedUserSignsIn_GetsTheAadsts50105Page()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["User.Read"], adminConsent: true);
        await portal.Get<SandboxEnterpriseApps>().SetAssignmentRequiredAsync(app.ClientId, true, CancellationToken.None);
        await using var web = await StartWebAppAsync(app.ClientId, app.Secret);
        await portal.Get<SandboxAppRegistrations>().SetRedirectUrisAsync(app.ClientId, [new Uri(web.Address, "signin-oidc").ToString()], CancellationToken.None);
        using var browser = new SandboxSignIn(portal);

        var challenge = await browser.GetAsync(new Uri(web.Address, "roles"));
        var refused = await browser.SubmitAsync(await browser.OpenAsync(challenge.Location!), "Sign in", SandboxSeed.DiegoSiciliani.Id);

        Assert.Null(refused.Location);
        Assert.Contains("AADSTS50105: Your administrator has configured the application", refused.Page!.Text, StringComparison.Ordinal);
        Assert.Contains($"The signed in user '{SandboxSeed.DiegoSiciliani.UserPrincipalName}' is blocked", refused.Page.Text, StringComparison.Ordinal);
    }

    /// <summary>A web app signing in with the seeded FlexMail Portal app, its secret and redirect URIs from <see cref="SandboxPortalSignIn"/>.</summary>
    private async Task<SignInWebApp> StartPortalSignInAsync()
    {
        var signIn = portal.Get<SandboxPortalSignIn>();
        var web = await StartWebAppAsync(SandboxPortalSignIn.ClientId, await signIn.ClientSecretAsync(CancellationToken.None));
        await signIn.RegisterRedirectUrisAsync([web.Address], CancellationToken.None);
        return web;
    }

    /// <summary>Opens the protected page, signs in as <paramref name="user"/> and posts the code back: the web app's redirect to the page.</summary>
    private static async Task<SandboxStep> SignInAsync(SandboxSignIn browser, SignInWebApp web, Portal.Sandbox.Directory.SandboxUser user)
    {
        var challenge = await browser.GetAsync(new Uri(web.Address, "roles"));
        var formPost = (await browser.SubmitAsync(await browser.OpenAsync(challenge.Location!), "Sign in", user.Id)).Page
            ?? throw new InvalidOperationException("The sandbox did not answer the sign-in with the form that posts the code.");
        return await browser.SubmitAsync(formPost, "Submit");
    }

    private async Task<SignInWebApp> StartWebAppAsync(Guid clientId, string secret)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var certificate = portal.Get<LocalHttpsCertificateInfo>().Certificate;
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApp(options =>
            {
                options.Instance = portal.Endpoints.AuthorityHost.ToString().TrimEnd('/') + "/";
                options.TenantId = SandboxTenant.TenantId.ToString();
                options.ClientId = clientId.ToString();
                options.ClientSecret = secret;
                options.CallbackPath = SandboxPortalSignIn.CallbackPath;
                // Like a new Entra app registration, sandbox apps do not issue ID tokens from the authorization endpoint
                // (implicit grant off, AADSTS700054): sign in with the authorization code flow.
                options.ResponseType = OpenIdConnectResponseType.Code;
            });
        // As the design says: the OpenID Connect handler itself is pointed at the sandbox's metadata, issuer and certificate.
        builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            var authority = portal.Authority(SandboxTenant.TenantId.ToString());
            options.MetadataAddress = $"{authority}/v2.0/.well-known/openid-configuration";
            options.Backchannel = portal.Cloud.CreateHttpClient();
            options.TokenValidationParameters.IssuerValidator = null;
            options.TokenValidationParameters.ValidIssuer = $"{authority}/v2.0";
        });
        builder.Services.AddAuthorization();

        var web = builder.Build();
        web.UseAuthentication();
        web.UseAuthorization();
        web.MapGet("/profile", (ClaimsPrincipal user) => $"{user.Identity?.Name}|{user.FindFirst("name")?.Value}|{user.GetObjectId()}").RequireAuthorization();
        // The id token's "roles" claim, as Microsoft.Identity.Web hands it on: the handler's inbound claim mapping names it
        // ClaimTypes.Role, the identity's RoleClaimType, so IsInRole works unchanged.
        web.MapGet("/roles", (ClaimsPrincipal user) =>
            $"admin={user.IsInRole("FlexMail.Admin")}|{string.Join(',', user.FindAll(((ClaimsIdentity)user.Identity!).RoleClaimType).Select(c => c.Value))}")
            .RequireAuthorization();
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        // The portal's certificate is issued for localhost.
        return new SignInWebApp(web, new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/"));
    }

    private sealed record SignInWebApp(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
