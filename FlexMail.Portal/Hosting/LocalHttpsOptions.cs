namespace FlexMail.Portal.Hosting;

/// <summary>
/// <c>FlexMail:Https</c>: the embedded default's self-signed certificate. It is used for https endpoints only
/// when Kestrel has no certificate of its own (<c>Kestrel:Certificates:Default</c> or an endpoint's certificate).
/// </summary>
public sealed class LocalHttpsOptions
{
    public const string SectionName = "FlexMail:Https";

    public bool UseLocalCertificate { get; set; } = true;

    /// <summary>Host names the certificate is issued for, besides the loopback addresses (default: localhost).</summary>
    /// <remarks>No default in the array itself: configuration binding appends to an array's initial items.</remarks>
    public string[] HostNames { get; set; } = [];

    public IReadOnlyList<string> EffectiveHostNames =>
        HostNames.Length == 0 ? ["localhost"] : [.. HostNames.Distinct(StringComparer.OrdinalIgnoreCase)];
}
