namespace FlexMail.Portal.Hosting;

/// <summary>
/// <c>FlexMail:ReverseProxy</c>: trust <c>X-Forwarded-For/-Proto/-Host</c> only from these proxies, so the portal
/// knows its public scheme and host when TLS ends at a reverse proxy.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "FlexMail:ReverseProxy";

    /// <summary>Proxy IP addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>172.18.0.0/16</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsEnabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
