using System.Net;
using FlexMail.Domain;
using FlexMail.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Integration.Hosting;

public sealed class ReverseProxyConfigurationTests
{
    [Fact]
    public void KnownProxiesAndNetworks_AreTheOnlyTrustedSourcesOfForwardedHeaders()
    {
        using var factory = new PortalFactory();
        using var portal = factory.WithWebHostBuilder(builder => builder
            .UseSetting("FlexMail:ReverseProxy:KnownProxies:0", "10.0.0.5")
            .UseSetting("FlexMail:ReverseProxy:KnownNetworks:0", "172.18.0.0/16"));

        var options = portal.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.18.0.0/16")], options.KnownIPNetworks);
        Assert.True(options.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedProto));
    }

    [Fact]
    public void InvalidProxyAddress_StopsTheStartWithTheSettingToFix()
    {
        using var factory = new PortalFactory();
        using var portal = factory.WithWebHostBuilder(builder => builder
            .UseSetting("FlexMail:ReverseProxy:KnownProxies:0", "not-an-address"));

        var error = Assert.Throws<FlexMailConfigurationException>(() => portal.Services);

        Assert.StartsWith("FlexMail:ReverseProxy:KnownProxies holds 'not-an-address', which is not valid", error.Message);
    }
}
