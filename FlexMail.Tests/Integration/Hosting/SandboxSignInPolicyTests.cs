using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>
/// The sandbox's sign-in pages under the portal's policy: their forms may reach the client's registered redirect URI
/// (here on another origin), the <c>form_post</c> page's one inline script runs by its hash, and nothing else widens.
/// </summary>
public sealed class SandboxSignInPolicyTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private const string ClientOrigin = "https://client.example.test";
    private const string RedirectUri = ClientOrigin + "/signin-oidc";
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task SignInPage_FormAction_AllowsTheRegisteredRedirectUrisOrigin()
    {
        var clientId = await RegisterAsync();
        using var browser = new SandboxSignIn(portal);

        using var response = await browser.Client.GetAsync(AuthorizeUrl(clientId, RedirectUri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = SecurityHeaderAssert.HasSecurityHeaders(response);
        Assert.Contains(ClientOrigin, policy["form-action"]);
        Assert.Empty(SecurityHeaderAssert.InlineScriptHashes(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SignInPage_AntiforgeryCookie_IsSecureHttpOnlyAndStrict()
    {
        var clientId = await RegisterAsync();
        using var browser = new SandboxSignIn(portal);

        using var response = await browser.Client.GetAsync(AuthorizeUrl(clientId, RedirectUri));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    [Fact]
    public async Task FormPostPage_ScriptSrcAndFormAction_AllowExactlyItsScriptAndTheRedirectUri()
    {
        var clientId = await RegisterAsync();
        using var browser = new SandboxSignIn(portal);
        var signInUrl = AuthorizeUrl(clientId, RedirectUri);
        var signInPage = await Parser.ParseDocumentAsync(await browser.Client.GetStringAsync(signInUrl));

        using var response = await browser.Client.PostAsync(signInUrl, SignInAs(signInPage, SandboxSeed.AdeleVance.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var formPost = await Parser.ParseDocumentAsync(html);
        Assert.Equal(RedirectUri, formPost.Forms.Single().Action);
        var policy = SecurityHeaderAssert.HasSecurityHeaders(response);
        Assert.Equal(["'self'", .. SecurityHeaderAssert.InlineScriptHashes(html)], policy["script-src"]);
        Assert.Equal(2, policy["script-src"].Length);
        Assert.Contains(ClientOrigin, policy["form-action"]);
    }

    [Fact]
    public async Task ErrorPage_ForAnUnregisteredRedirectUri_DoesNotWidenTheFormAction()
    {
        var clientId = await RegisterAsync();
        using var browser = new SandboxSignIn(portal);

        using var response = await browser.Client.GetAsync(AuthorizeUrl(clientId, "https://elsewhere.test/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var policy = SecurityHeaderAssert.HasSecurityHeaders(response);
        Assert.DoesNotContain("https://elsewhere.test", policy["form-action"]);
        Assert.Equal(["'self'"], policy["script-src"]);
    }

    private async Task<Guid> RegisterAsync()
    {
        var apps = portal.Get<SandboxAppRegistrations>();
        var app = await apps.CreateAsync($"CSP test {Guid.NewGuid():N}", [RedirectUri], CancellationToken.None);
        return app.AppId;
    }

    private Uri AuthorizeUrl(Guid clientId, string redirectUri) => new(QueryHelpers.AddQueryString(
        portal.IdentityUrl(SandboxTenant.TenantId.ToString(), "oauth2/v2.0/authorize").ToString(),
        new Dictionary<string, string?>
        {
            ["client_id"] = clientId.ToString(),
            ["response_type"] = "code",
            ["response_mode"] = "form_post",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile",
            ["state"] = "the-state",
            ["nonce"] = "the-nonce",
        }));

    /// <summary>The sign-in form's hidden fields with the chosen account and the Sign in button.</summary>
    private static FormUrlEncodedContent SignInAs(IHtmlDocument page, Guid user) => new(page.Forms.Single()
        .QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
        .Select(input => KeyValuePair.Create(input.Name!, input.Value))
        .Append(KeyValuePair.Create("user", user.ToString()))
        .Append(KeyValuePair.Create("action", "sign-in")));
}
