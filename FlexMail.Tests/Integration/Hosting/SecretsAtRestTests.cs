using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Security;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Hosting;

/// <summary>The data folder holds the database and, in the embedded default, the key that unlocks its secrets: owner-only, and a warning in production.</summary>
public sealed class SecretsAtRestTests
{
    private const string Warning = "SECRETS AT RISK: the key-encryption certificate";

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Start_FirstRun_DataFolderAndEveryFileInItAreOwnerOnly()
    {
        await using var portal = new HostingPortal();
        // The folder exists already, readable by all (as a platform or an older version may have left it).
        File.SetUnixFileMode(portal.DataPath, File.GetUnixFileMode(portal.DataPath) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var live = await portal.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.True(live.IsSuccessStatusCode);
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(portal.DataPath));
        var files = Directory.GetFiles(portal.DataPath, "*", SearchOption.AllDirectories);
        Assert.Contains(files, file => file.EndsWith("flexmail.db", StringComparison.Ordinal));
        Assert.Contains(files, file => file.EndsWith("sandbox.db", StringComparison.Ordinal));
        Assert.Contains(files, file => file.EndsWith("key-encryption.pfx", StringComparison.Ordinal));
        Assert.All(files, file => Assert.True((File.GetUnixFileMode(file) & ~OwnerOnly.FileMode) == 0,
            $"{Path.GetRelativePath(portal.DataPath, file)} is {File.GetUnixFileMode(file)}"));
        Assert.All(Directory.GetDirectories(portal.DataPath, "*", SearchOption.AllDirectories),
            folder => Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(folder)));
    }

    [Fact]
    public async Task Start_ProductionWithTheCertificateInTheDataFolder_WarnsLoudly()
    {
        await using var production = new HostingPortal("Production");

        using var live = await production.CreateClient().GetAsync(new Uri("https://flexmail.example.test/health/live"));

        var warning = Assert.Single(production.Warnings, w => w.StartsWith(Warning, StringComparison.Ordinal));
        Assert.Contains(Path.Combine(production.DataPath, "keys", "key-encryption.pfx"), warning);
        Assert.Contains("set FlexMail:DataProtection:KeyEncryptionCertificatePath", warning);
    }

    [Fact]
    public async Task Start_ProductionWithTheCertificateMountedElsewhere_DoesNotWarn()
    {
        using var secrets = new TemporaryFolder();
        var mounted = Path.Combine(secrets.Path, "kek.pfx");
        using (var certificate = SelfSignedCertificates.CreateKeyEncryption(TimeProvider.System, TimeSpan.FromDays(30)))
        {
            await File.WriteAllBytesAsync(mounted, certificate.Export(X509ContentType.Pkcs12, "kek password"));
        }
        await using var production = new HostingPortal("Production",
            ("FlexMail:DataProtection:KeyEncryptionCertificatePath", mounted), ("FlexMail:DataProtection:KeyEncryptionCertificatePassword", "kek password"));

        using var live = await production.CreateClient().GetAsync(new Uri("https://flexmail.example.test/health/live"));

        Assert.DoesNotContain(production.Warnings, w => w.StartsWith(Warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_DevelopmentWithTheCertificateInTheDataFolder_DoesNotWarn()
    {
        await using var development = new HostingPortal("Development");

        using var live = await development.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.DoesNotContain(development.Warnings, w => w.StartsWith(Warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ProductionWithTheCertificateFromTheStore_UsesItAndDoesNotWarn()
    {
        using var certificate = SelfSignedCertificates.CreateKeyEncryption(TimeProvider.System, TimeSpan.FromDays(30));
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        using var stored = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.PersistKeySet);
        store.Add(stored);
        try
        {
            await using var production = new HostingPortal("Production",
                ("FlexMail:DataProtection:KeyEncryptionCertificateThumbprint", stored.Thumbprint));

            using var live = await production.CreateClient().GetAsync(new Uri("https://flexmail.example.test/health/live"));

            Assert.True(live.IsSuccessStatusCode, live.StatusCode.ToString());
            Assert.DoesNotContain(production.Warnings, w => w.StartsWith(Warning, StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(production.DataPath, "keys", "key-encryption.pfx")));
        }
        finally
        {
            store.Remove(stored);
        }
    }

    [Fact]
    public void FindInStore_UnknownThumbprint_SaysWhatToDo()
    {
        var refused = Assert.Throws<FlexMail.Domain.FlexMailConfigurationException>(() =>
            KeyEncryptionCertificateStore.Find("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33", StoreLocation.CurrentUser));

        Assert.Contains("00112233445566778899AABBCCDDEEFF00112233 is not a certificate with its private key in the CurrentUser/My certificate store", refused.Message);
        Assert.Contains("import the .pfx there", refused.Message);
    }
}
