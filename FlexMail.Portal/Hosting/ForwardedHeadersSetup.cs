using System.Net;
using FlexMail.Domain;
using Microsoft.AspNetCore.HttpOverrides;

namespace FlexMail.Portal.Hosting;

/// <summary>Applies <see cref="ReverseProxyOptions"/> to ASP.NET Core's forwarded-headers middleware.</summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddFlexMailForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ReverseProxyOptions.SectionName).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        var addresses = proxy.KnownProxies.Select(value =>
            IPAddress.TryParse(value, out var address) ? address : throw Invalid("KnownProxies", value)).ToList();
        var networks = proxy.KnownNetworks.Select(value =>
            System.Net.IPNetwork.TryParse(value, out var network) ? network : throw Invalid("KnownNetworks", value)).ToList();

        services.AddSingleton(proxy);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            addresses.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    private static FlexMailConfigurationException Invalid(string setting, string value) => new(
        $"{ReverseProxyOptions.SectionName}:{setting} holds '{value}', which is not valid: use forms like 10.0.0.5 or 172.18.0.0/16.");
}
