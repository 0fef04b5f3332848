using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain;
using FlexMail.Domain.Security;

namespace FlexMail.Portal.Hosting;

/// <summary>
/// Serves HTTPS out of the box: a self-signed certificate created on first run in the data folder and reused
/// after, so no <c>dotnet dev-certs</c> step is needed. Renewed when it is within 30 days of expiry.
/// </summary>
public static class LocalHttpsCertificate
{
    public const string FileName = "localhost-https.pfx";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    public static WebApplicationBuilder UseFlexMailLocalHttps(this WebApplicationBuilder builder, DataFolder dataFolder)
    {
        var options = builder.Configuration.GetSection(LocalHttpsOptions.SectionName).Get<LocalHttpsOptions>() ?? new LocalHttpsOptions();
        var kestrelHasDefaultCertificate = builder.Configuration.GetSection("Kestrel:Certificates:Default").Exists();
        if (!options.UseLocalCertificate || kestrelHasDefaultCertificate)
        {
            return builder;
        }

        var certificate = LoadOrCreate(dataFolder, options.EffectiveHostNames, TimeProvider.System);
        builder.Services.AddSingleton(new LocalHttpsCertificateInfo(certificate));
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate ??= certificate));
        return builder;
    }

    public static X509Certificate2 LoadOrCreate(DataFolder dataFolder, IReadOnlyCollection<string> hostNames, TimeProvider clock) =>
        CertificateFile.LoadOrCreate(
            dataFolder.File("certificates", FileName),
            isUsable: existing => existing.NotAfter.ToUniversalTime() - clock.GetUtcNow().UtcDateTime > RenewBefore
                && hostNames.All(host => existing.MatchesHostname(host)),
            () => SelfSignedCertificates.CreateTlsServer(hostNames, clock, Lifetime));
}

/// <summary>The local HTTPS certificate in use (clients that must trust exactly it ask for this).</summary>
public sealed record LocalHttpsCertificateInfo(X509Certificate2 Certificate);
