using FlexMail.Portal.Sandbox;

namespace FlexMail.Tests.Sandbox;

public sealed class SandboxStartupTests
{
    [Fact]
    public void PortalAddresses_ListeningAddressesAndBaseUrl_KeepsHttpsOnly_WithWildcardHostsAsLocalhost()
    {
        var addresses = SandboxStartup.PortalAddresses(
            ["https://+:7443", "http://*:5080", "https://*:8443", "https://127.0.0.1:9443"], "https://flexmail.example.com");

        Assert.Equal(
        [
            new Uri("https://localhost:7443"), new Uri("https://localhost:8443"), new Uri("https://127.0.0.1:9443"),
            new Uri("https://flexmail.example.com"),
        ], addresses);
    }

    [Fact]
    public void PortalAddresses_WithoutBaseUrl_IsTheListeningHttpsAddresses()
    {
        Assert.Equal([new Uri("https://[::]:7443")], SandboxStartup.PortalAddresses(["https://[::]:7443"], null));
    }
}
