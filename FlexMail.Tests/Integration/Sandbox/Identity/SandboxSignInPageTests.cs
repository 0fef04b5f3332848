using System.Net;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Persistence;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>The authorization endpoint's pages as a browser sees them: account chooser, consent, admin consent, errors.</summary>
public sealed class SandboxSignInPageTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task SignInPage_ForKnownClient_ListsMembersButNotTheSharedMailbox()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);

        var page = await browser.OpenAsync(AuthorizeUrl(app, "Mail.Send"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign in to Contoso (sandbox)", page.Heading);
        Assert.Contains("Adele Vance (adele.vance@contoso.test)", page.Labels);
        Assert.Contains("FlexMail Service (svc-flexmail@contoso.test)", page.Labels);
        Assert.DoesNotContain(page.Labels, label => label.Contains("approvals@", StringComparison.Ordinal));
        Assert.True(page.HasButton("Sign in"));
        Assert.Null(page.CheckedUser);
    }

    [Fact]
    public async Task SignInPage_WithLoginHint_ShowsTheChooserWithThatUserSelected_AlsoForSelectAccount()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);

        var hinted = await browser.OpenAsync(AuthorizeUrl(app, "Mail.Send", ("login_hint", "megan.bowen@contoso.test")));
        var chooser = await browser.OpenAsync(AuthorizeUrl(app, "Mail.Send", ("login_hint", "megan.bowen@contoso.test"), ("prompt", "select_account")));

        Assert.Equal(SandboxSeed.MeganBowen.Id.ToString(), hinted.CheckedUser);
        Assert.Equal(SandboxSeed.MeganBowen.Id.ToString(), chooser.CheckedUser);
        Assert.True(chooser.HasButton("Sign in"));
    }

    [Fact]
    public async Task SignIn_WithUnconsentedScopes_ShowsConsentPageListingThem()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);
        var page = await browser.OpenAsync(AuthorizeUrl(app, "openid offline_access https://graph.microsoft.com/Mail.Send User.Read"));

        var consent = (await browser.SubmitAsync(page, "Sign in", SandboxSeed.AdeleVance.Id)).Page;

        Assert.NotNull(consent);
        Assert.Equal("Permissions requested", consent.Heading);
        Assert.Contains("Mail.Send", consent.Text, StringComparison.Ordinal);
        Assert.Contains("User.Read", consent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("offline_access", consent.Text, StringComparison.Ordinal);
        Assert.True(consent.HasButton("Accept"));
        Assert.True(consent.HasButton("Cancel"));
    }

    [Fact]
    public async Task Consent_Cancel_RedirectsWithAccessDeniedAadsts65004AndState()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);
        var page = await browser.OpenAsync(AuthorizeUrl(app, "Mail.Send"));
        var consent = (await browser.SubmitAsync(page, "Sign in", SandboxSeed.AlexWilber.Id)).Page!;

        var step = await browser.SubmitAsync(consent, "Cancel");

        var query = QueryHelpers.ParseQuery(step.Location!.Query);
        Assert.StartsWith(app.RedirectUri, step.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal("access_denied", query["error"]);
        Assert.StartsWith("AADSTS65004:", query["error_description"].ToString(), StringComparison.Ordinal);
        Assert.Equal("the-state", query["state"]);
    }

    [Fact]
    public async Task SignIn_AfterAdminConsent_RedirectsWithCodeWithoutAskingConsent()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"], adminConsent: true);
        using var browser = new SandboxSignIn(portal);
        var page = await browser.OpenAsync(AuthorizeUrl(app, "openid Mail.Send"));

        var step = await browser.SubmitAsync(page, "Sign in", SandboxSeed.DiegoSiciliani.Id);

        var query = QueryHelpers.ParseQuery(step.Location!.Query);
        Assert.True(query["code"].ToString().Length > 20);
        Assert.Equal("the-state", query["state"]);
    }

    [Fact]
    public async Task SignIn_WithFormPostResponseMode_AnswersAFormThatPostsCodeAndState()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"], adminConsent: true);
        using var browser = new SandboxSignIn(portal);
        var page = await browser.OpenAsync(AuthorizeUrl(app, "openid", ("response_mode", "form_post")));

        var formPost = (await browser.SubmitAsync(page, "Sign in", SandboxSeed.AdeleVance.Id)).Page!;

        var form = formPost.Document.QuerySelector("form")!;
        Assert.Equal(app.RedirectUri, form.GetAttribute("action"));
        Assert.Equal("the-state", formPost.Document.QuerySelector("input[name=state]")?.GetAttribute("value"));
        Assert.NotEmpty(formPost.Document.QuerySelector("input[name=code]")?.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task SignInPost_WithoutAntiforgeryToken_IsRefused()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"], adminConsent: true);
        using var browser = new SandboxSignIn(portal);
        var page = await browser.OpenAsync(AuthorizeUrl(app, "Mail.Send"));

        var step = await browser.SubmitAsync(page, "Sign in", SandboxSeed.AdeleVance.Id, withAntiforgeryToken: false);

        Assert.Null(step.Location);
        Assert.Equal(HttpStatusCode.BadRequest, step.Status);
        Assert.Contains("AADSTS90014: The sign-in request has expired or is not valid.", step.Page?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptNone_WithoutConsent_RedirectsWithConsentRequiredAadsts65001()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);

        var step = await browser.GetAsync(AuthorizeUrl(app, "Mail.Send", ("prompt", "none"), ("login_hint", "adele.vance@contoso.test")));

        var query = QueryHelpers.ParseQuery(step.Location!.Query);
        Assert.Equal("consent_required", query["error"]);
        Assert.StartsWith("AADSTS65001:", query["error_description"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ForUnknownClient_ShowsAadsts700016Page()
    {
        using var browser = new SandboxSignIn(portal);
        var unknown = new SandboxTestApp(Guid.NewGuid(), "", Guid.Empty, "https://localhost/callback");

        var page = await browser.OpenAsync(AuthorizeUrl(unknown, "Mail.Send"));

        Assert.Contains($"AADSTS700016: Application with identifier '{unknown.ClientId}' was not found", page.Text, StringComparison.Ordinal);
        Assert.False(page.HasButton("Sign in"));
    }

    [Fact]
    public async Task Authorize_ForUnknownTenant_ShowsAadsts90002Page()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);

        var page = await browser.OpenAsync(AuthorizeUrl(app, "Mail.Send", tenant: "fabrikam.test"));

        Assert.Contains("AADSTS90002: Tenant 'fabrikam.test' not found.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminConsent_Accept_GrantsAppRolesAndRedirectsWithAdminConsentTrue()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"], ["Mail.ReadWrite"]);
        using var browser = new SandboxSignIn(portal);
        var url = QueryHelpers.AddQueryString(portal.IdentityUrl(SandboxTenant.TenantId.ToString(), "v2.0/adminconsent").ToString(),
            new Dictionary<string, string?> { ["client_id"] = app.ClientId.ToString(), ["redirect_uri"] = app.RedirectUri, ["state"] = "s1" });
        var page = await browser.OpenAsync(new Uri(url));
        Assert.Contains("Mail.ReadWrite", page.Text, StringComparison.Ordinal);

        var step = await browser.SubmitAsync(page, "Accept");

        var query = QueryHelpers.ParseQuery(step.Location!.Query);
        Assert.Equal("True", query["admin_consent"]);
        Assert.Equal(SandboxTenant.TenantId.ToString(), query["tenant"]);
        Assert.Equal("s1", query["state"]);
        await using var db = await portal.Get<IDbContextFactory<SandboxDbContext>>().CreateDbContextAsync();
        var registered = await db.Applications.SingleAsync(a => a.AppId == app.ClientId);
        Assert.Equal(["Mail.ReadWrite"], await db.AppRoleAssignments.Where(r => r.ApplicationId == registered.Id).Select(r => r.Role).ToListAsync());
        Assert.Contains(await db.PermissionGrants.Where(g => g.ApplicationId == registered.Id && g.UserId == null).ToListAsync(),
            grant => grant.Scopes.Contains("Mail.Send"));
    }

    [Fact]
    public async Task AdminConsent_ForDelegatedPermissionsOnly_ShowsNoApplicationPermissionsHeading()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);
        var url = QueryHelpers.AddQueryString(portal.IdentityUrl(SandboxTenant.TenantId.ToString(), "v2.0/adminconsent").ToString(),
            new Dictionary<string, string?> { ["client_id"] = app.ClientId.ToString(), ["redirect_uri"] = app.RedirectUri, ["state"] = "s1" });

        var page = await browser.OpenAsync(new Uri(url));

        var headings = page.Document.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Delegated permissions"], headings);
        Assert.Contains("Mail.Send", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WithRedirectUriNotRegistered_LinksToTheAppRegistrationAndBackToFlexMailsEmailSettings()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["Mail.Send"]);
        using var browser = new SandboxSignIn(portal);

        var page = await browser.OpenAsync(AuthorizeUrl(app, "Mail.Send", ("redirect_uri", "https://elsewhere.test/callback")));

        Assert.Contains("AADSTS50011", page.Text, StringComparison.Ordinal);
        var links = page.Document.QuerySelectorAll("a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/settings/email", links["Open FlexMail's Email Settings"]);
        Assert.Equal($"/sandbox/apps/{app.ClientId}", Assert.Single(links, l => l.Key.StartsWith("Open the app registration", StringComparison.Ordinal)).Value);
        Assert.Contains("Add the exact redirect URI https://elsewhere.test/callback to the app registration", page.Text, StringComparison.Ordinal);
        Assert.Contains("correct FlexMail's Server Base URL", page.Text, StringComparison.Ordinal);
    }

    private Uri AuthorizeUrl(SandboxTestApp app, string scope, params (string Name, string Value)[] extra) =>
        AuthorizeUrl(app, scope, SandboxTenant.TenantId.ToString(), extra);

    private Uri AuthorizeUrl(SandboxTestApp app, string scope, string tenant, params (string Name, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = app.ClientId.ToString(),
            ["response_type"] = "code",
            ["redirect_uri"] = app.RedirectUri,
            ["scope"] = scope,
            ["state"] = "the-state",
        };
        foreach (var (name, value) in extra)
        {
            parameters[name] = value;
        }
        return new Uri(QueryHelpers.AddQueryString(portal.IdentityUrl(tenant, "oauth2/v2.0/authorize").ToString(), parameters));
    }
}
