using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Tests.Support;
using Microsoft.Identity.Client;

namespace FlexMail.Tests.Integration.Sandbox;

/// <summary>The contract the portal's own sign-in codes against: the seeded app's secret and redirect URIs, also across a reset.</summary>
public sealed class SandboxPortalSignInTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private SandboxPortalSignIn SignIn => portal.Get<SandboxPortalSignIn>();

    [Fact]
    public async Task Start_RegistersTheHttpsListeningAddress_AndItsLocalhostForm()
    {
        var app = await PortalAppAsync();

        var port = portal.HttpsAddress.Port;
        Assert.Contains($"https://127.0.0.1:{port}/signin-oidc", app.RedirectUris);
        Assert.Contains($"https://127.0.0.1:{port}/signout-callback-oidc", app.RedirectUris);
        Assert.Contains($"https://localhost:{port}{SandboxPortalSignIn.CallbackPath}", app.RedirectUris);
        Assert.Contains($"https://localhost:{port}{SandboxPortalSignIn.SignedOutCallbackPath}", app.RedirectUris);
        Assert.DoesNotContain(app.RedirectUris, uri => uri.StartsWith("http://", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClientSecretAsync_IsAcceptedAtTheTokenEndpoint_AndMadeOncePerProcess()
    {
        var secret = await SignIn.ClientSecretAsync(CancellationToken.None);

        var token = await TokenAsync(secret);

        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(secret, await SignIn.ClientSecretAsync(CancellationToken.None));
        Assert.Single((await PortalAppAsync()).Secrets, s => s.Description == SandboxPortalSignIn.SecretDescription);
    }

    [Fact]
    public async Task ClientSecretAsync_AfterTheSecretWasDeleted_MakesANewOneAndRemovesNoOtherSecret()
    {
        var apps = portal.Get<SandboxAppRegistrations>();
        var first = await SignIn.ClientSecretAsync(CancellationToken.None);
        var own = await apps.AddSecretAsync(SandboxPortalSignIn.ClientId, "someone's own", TimeSpan.FromDays(1), CancellationToken.None);
        await apps.DeleteSecretAsync((await PortalAppAsync()).Secrets.Single(s => s.Description == SandboxPortalSignIn.SecretDescription).Id, CancellationToken.None);

        var second = await SignIn.ClientSecretAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.NotNull(await TokenAsync(second));
        Assert.Contains((await PortalAppAsync()).Secrets, s => s.Id == own.SecretId);
    }

    [Fact]
    public async Task RegisterRedirectUris_KeepsWhatIsThere_AddsTheLocalhostForm_WithoutDuplicates()
    {
        var before = (await PortalAppAsync()).RedirectUris;

        await SignIn.RegisterRedirectUrisAsync([new Uri("https://[::1]:9443"), new Uri("http://127.0.0.1:5080")], CancellationToken.None);
        await SignIn.RegisterRedirectUrisAsync([new Uri("https://[::1]:9443")], CancellationToken.None);

        var after = (await PortalAppAsync()).RedirectUris;
        Assert.Equal(before, after.Take(before.Count));
        Assert.Equal(
        [
            "https://[::1]:9443/signin-oidc", "https://[::1]:9443/signout-callback-oidc",
            "https://localhost:9443/signin-oidc", "https://localhost:9443/signout-callback-oidc",
        ], after.Skip(before.Count));
    }

    [Fact]
    public async Task ResetAsync_GivesANewSecretThatWorks_TheOldOneNoLonger_AndTheRedirectUrisBack()
    {
        var old = await SignIn.ClientSecretAsync(CancellationToken.None);
        var registered = (await PortalAppAsync()).RedirectUris;

        await portal.Get<SandboxStore>().ResetAsync(CancellationToken.None);
        var renewed = await SignIn.ClientSecretAsync(CancellationToken.None);

        Assert.NotEqual(old, renewed);
        Assert.NotNull(await TokenAsync(renewed));
        var refused = await Assert.ThrowsAsync<AuthenticationFailedException>(() => TokenAsync(old));
        Assert.Contains("AADSTS7000215", Assert.IsAssignableFrom<MsalServiceException>(refused.InnerException).Message, StringComparison.Ordinal);
        Assert.Equal(registered.Order(), (await PortalAppAsync()).RedirectUris.Order());
    }

    private async Task<SandboxApplication> PortalAppAsync() =>
        (await portal.Get<SandboxAppRegistrations>().FindByClientIdAsync(SandboxPortalSignIn.ClientId, CancellationToken.None))!;

    // Client credentials for the app itself as resource: the plainest use of the secret at the token endpoint.
    private async Task<string> TokenAsync(string secret)
    {
        var credential = new ClientSecretCredential(SandboxTenant.TenantId.ToString(), SandboxPortalSignIn.ClientId.ToString(), secret,
            new ClientSecretCredentialOptions
            {
                AuthorityHost = portal.Endpoints.AuthorityHost,
                Transport = new HttpClientTransport(portal.Cloud.CreateHttpClient()),
                DisableInstanceDiscovery = true,
            });
        return (await credential.GetTokenAsync(new TokenRequestContext([$"{SandboxPortalSignIn.ClientId}/.default"]), CancellationToken.None)).Token;
    }
}
