using FlexMail.Domain;
using FlexMail.Portal.Hosting;
using FlexMail.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Integration.Hosting;

public sealed class LocalHttpsCertificateTests
{
    private static readonly string[] HostNames = ["localhost"];

    [Fact]
    public void LoadOrCreate_FirstRun_CreatesALocalhostServerCertificateInTheDataFolder()
    {
        using var folder = new TemporaryFolder();
        var dataFolder = new DataFolder(folder.Path, folder.Path);

        using var certificate = LocalHttpsCertificate.LoadOrCreate(dataFolder, HostNames, TimeProvider.System);

        Assert.True(File.Exists(dataFolder.File("certificates", LocalHttpsCertificate.FileName)));
        Assert.True(certificate.HasPrivateKey);
        Assert.True(certificate.MatchesHostname("localhost"));
    }

    [Fact]
    public void LoadOrCreate_SecondRun_ReusesTheSameCertificate()
    {
        using var folder = new TemporaryFolder();
        var dataFolder = new DataFolder(folder.Path, folder.Path);
        using var first = LocalHttpsCertificate.LoadOrCreate(dataFolder, HostNames, TimeProvider.System);

        using var second = LocalHttpsCertificate.LoadOrCreate(dataFolder, HostNames, TimeProvider.System);

        Assert.Equal(first.Thumbprint, second.Thumbprint);
    }

    [Fact]
    public void LoadOrCreate_CertificateWithinThirtyDaysOfExpiry_IsRenewed()
    {
        using var folder = new TemporaryFolder();
        var dataFolder = new DataFolder(folder.Path, folder.Path);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = LocalHttpsCertificate.LoadOrCreate(dataFolder, HostNames, clock);

        clock.Advance(TimeSpan.FromDays(340));
        using var renewed = LocalHttpsCertificate.LoadOrCreate(dataFolder, HostNames, clock);

        Assert.NotEqual(first.Thumbprint, renewed.Thumbprint);
        Assert.True(renewed.NotAfter.ToUniversalTime() > first.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void LoadOrCreate_NewHostName_ReplacesTheCertificate()
    {
        using var folder = new TemporaryFolder();
        var dataFolder = new DataFolder(folder.Path, folder.Path);
        using var first = LocalHttpsCertificate.LoadOrCreate(dataFolder, HostNames, TimeProvider.System);

        using var second = LocalHttpsCertificate.LoadOrCreate(dataFolder, ["localhost", "flexmail.test"], TimeProvider.System);

        Assert.NotEqual(first.Thumbprint, second.Thumbprint);
        Assert.True(second.MatchesHostname("flexmail.test"));
    }

    [Fact]
    public void Options_BoundFromConfiguration_IssueForEachHostNameOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FlexMail:Https:HostNames:0"] = "localhost",
            ["FlexMail:Https:HostNames:1"] = "LOCALHOST",
            ["FlexMail:Https:HostNames:2"] = "flexmail.test",
        }).Build();

        var options = configuration.GetSection(LocalHttpsOptions.SectionName).Get<LocalHttpsOptions>()!;

        Assert.Equal(["localhost", "flexmail.test"], options.EffectiveHostNames);
        Assert.Equal(["localhost"], new LocalHttpsOptions().EffectiveHostNames);
    }
}
