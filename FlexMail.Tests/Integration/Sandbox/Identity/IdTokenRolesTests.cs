using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FlexMail.Tests.Integration.Sandbox.Identity;

/// <summary>
/// The raw id token of a sign-in to the seeded FlexMail Portal app, redeemed with MSAL: <c>roles</c> lists the user's
/// assigned roles and is absent without any, as Entra issues it; an assignment taken away stops the refresh (AADSTS50105).
/// </summary>
public sealed class IdTokenRolesTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly string[] Scopes = ["User.Read"];

    [Fact]
    public async Task IdToken_ForMegan_CarriesRolesFlexMailAdmin()
    {
        var result = await SignInAsync(SandboxSeed.MeganBowen);

        Assert.Equal(["FlexMail.Admin"], Roles(new JsonWebToken(result.IdToken)));
    }

    [Fact]
    public async Task IdToken_ForAdele_CarriesRolesFlexMailApprover()
    {
        var result = await SignInAsync(SandboxSeed.AdeleVance);

        Assert.Equal(["FlexMail.Approver"], Roles(new JsonWebToken(result.IdToken)));
    }

    [Fact]
    public async Task IdToken_ForLeeWithoutAssignment_HasNoRolesClaim()
    {
        var result = await SignInAsync(SandboxSeed.LeeGu);

        Assert.False(new JsonWebToken(result.IdToken).TryGetClaim("roles", out _));
    }

    [Fact]
    public async Task Refresh_AfterAssignmentRequiredAndTheUsersRoleRemoved_FailsWithAadsts50105()
    {
        var app = await SandboxTestApp.CreateAsync(portal, ["User.Read"], adminConsent: true);
        var role = (await portal.Get<SandboxAppRoles>().AddRoleAsync(app.ClientId, "Reader", "Test.Reader", "Reads", SandboxAppRoleMemberTypes.Users,
            CancellationToken.None)).Value!;
        var enterprise = portal.Get<SandboxEnterpriseApps>();
        await enterprise.AssignUserAsync(app.ClientId, SandboxSeed.AlexWilber.Id, role.Id, CancellationToken.None);
        await enterprise.SetAssignmentRequiredAsync(app.ClientId, true, CancellationToken.None);
        var msal = new MsalFactory(portal).Create(app);
        var signedIn = await RedeemAsync(msal, app.RedirectUri, SandboxSeed.AlexWilber);
        Assert.Equal(["Test.Reader"], Roles(new JsonWebToken(signedIn.IdToken)));
        var assignment = Assert.Single(await enterprise.ListUserAssignmentsAsync(app.ClientId, CancellationToken.None));
        await enterprise.RemoveAssignmentAsync(assignment.Id, CancellationToken.None);

        var error = await Assert.ThrowsAnyAsync<MsalServiceException>(() =>
            msal.AcquireTokenSilent(Scopes, signedIn.Account).WithForceRefresh(true).ExecuteAsync());

        Assert.Contains("AADSTS50105", error.Message, StringComparison.Ordinal);
    }

    private async Task<AuthenticationResult> SignInAsync(SandboxUser user)
    {
        var signIn = portal.Get<SandboxPortalSignIn>();
        var redirectUri = $"https://localhost:{portal.HttpsAddress.Port}{SandboxPortalSignIn.CallbackPath}";
        var app = new SandboxTestApp(SandboxPortalSignIn.ClientId, await signIn.ClientSecretAsync(CancellationToken.None), Guid.Empty, redirectUri);
        return await RedeemAsync(new MsalFactory(portal).Create(app), redirectUri, user);
    }

    private async Task<AuthenticationResult> RedeemAsync(IConfidentialClientApplication msal, string redirectUri, SandboxUser user)
    {
        var url = await msal.GetAuthorizationRequestUrl(Scopes).WithPkce(out var verifier).ExecuteAsync();
        using var browser = new SandboxSignIn(portal);
        var redirect = await browser.SignInAsync(url, user);
        Assert.StartsWith(redirectUri + "?", redirect.ToString(), StringComparison.Ordinal);
        var code = QueryHelpers.ParseQuery(redirect.Query)["code"].ToString();
        return await msal.AcquireTokenByAuthorizationCode(Scopes, code).WithPkceCodeVerifier(verifier).ExecuteAsync();
    }

    private static string[] Roles(JsonWebToken jwt) => [.. jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value)];
}
