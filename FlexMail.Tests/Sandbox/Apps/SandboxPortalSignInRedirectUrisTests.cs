using FlexMail.Portal.Sandbox.Apps;

namespace FlexMail.Tests.Sandbox.Apps;

public sealed class SandboxPortalSignInRedirectUrisTests
{
    [Theory]
    [InlineData("https://127.0.0.1:7443")]
    [InlineData("https://[::1]:7443")]
    [InlineData("https://0.0.0.0:7443")]
    [InlineData("https://[::]:7443")]
    public void RedirectUrisFor_LoopbackOrAnyAddress_AddsTheLocalhostFormWithTheSamePort(string address)
    {
        var uris = SandboxPortalSignIn.RedirectUrisFor(new Uri(address));

        Assert.Equal(
        [
            $"{address}/signin-oidc", $"{address}/signout-callback-oidc",
            "https://localhost:7443/signin-oidc", "https://localhost:7443/signout-callback-oidc",
        ], uris);
    }

    [Fact]
    public void RedirectUrisFor_NamedHostOnTheDefaultPort_GivesBothCallbacksOnly()
    {
        var uris = SandboxPortalSignIn.RedirectUrisFor(new Uri("https://flexmail.example.com/"));

        Assert.Equal(["https://flexmail.example.com/signin-oidc", "https://flexmail.example.com/signout-callback-oidc"], uris);
    }

    [Fact]
    public void RedirectUrisFor_AddressWithAPathBase_KeepsThePath()
    {
        var uris = SandboxPortalSignIn.RedirectUrisFor(new Uri("https://proxy.example.com/flexmail/"));

        Assert.Equal(["https://proxy.example.com/flexmail/signin-oidc", "https://proxy.example.com/flexmail/signout-callback-oidc"], uris);
    }

    [Fact]
    public void RedirectUrisFor_HttpAddress_GivesNone()
    {
        Assert.Empty(SandboxPortalSignIn.RedirectUrisFor(new Uri("http://127.0.0.1:5080")));
    }
}
