using System.Text;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Security;
using FlexMail.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Security;

public sealed class SecretProtectionTests
{
    private const string ClientSecret = "Qx8~secret-VALUE.that-must-never-leak_2026";

    [Fact]
    public async Task StoredSecret_IsNotReadableFromTheDatabaseFile_ButUnprotectsWithTheService()
    {
        await using var domain = await TestDomain.CreateMigratedAsync();
        var protector = domain.Get<ISecretProtector>();
        var application = new OAuthApplication
        {
            Name = "App with secret",
            TenantId = "contoso.test",
            ClientId = Guid.NewGuid().ToString(),
            ProtectedClientSecret = protector.Protect(ClientSecret),
            ClientSecretHint = SecretHint.For(ClientSecret),
        };
        await using (var db = await domain.Contexts.CreateDbContextAsync())
        {
            db.OAuthApplications.Add(application);
            await db.SaveChangesAsync();
        }
        SqliteConnection.ClearAllPools(); // flush to the file before reading its bytes

        var fileText = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(domain.DatabaseFile));
        Assert.DoesNotContain(ClientSecret, fileText);
        Assert.DoesNotContain(ClientSecret[..12], fileText);

        await using var read = await domain.Contexts.CreateDbContextAsync();
        var stored = await read.OAuthApplications.SingleAsync();
        Assert.Equal(ClientSecret, protector.Unprotect(stored.ProtectedClientSecret!));
    }

    [Fact]
    public async Task KeyRing_IsStoredInTheDatabase_EncryptedWithTheKeyEncryptionCertificate()
    {
        await using var domain = await TestDomain.CreateMigratedAsync();

        domain.Get<ISecretProtector>().Protect(ClientSecret);

        await using var db = await domain.Contexts.CreateDbContextAsync();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        var xml = Assert.IsType<string>(key.Xml);
        Assert.Contains("<encryptedSecret", xml);
        Assert.Contains("EncryptedData", xml);
        Assert.DoesNotContain("<masterKey", xml); // the key material itself appears only encrypted
        Assert.True(File.Exists(Path.Combine(domain.DataPath, "keys", "key-encryption.pfx")));
    }

    [Fact]
    public async Task ProtectedSecret_SurvivesARestartOfTheServices()
    {
        using var dataFolder = new TemporaryFolder();
        string protectedSecret;
        await using (var beforeRestart = await TestDomain.CreateMigratedAsync(dataFolder.Path))
        {
            protectedSecret = beforeRestart.Get<ISecretProtector>().Protect(ClientSecret);
        }

        await using var afterRestart = TestDomain.Open(dataFolder.Path);

        Assert.Equal(ClientSecret, afterRestart.Get<ISecretProtector>().Unprotect(protectedSecret));
    }

    [Fact]
    public async Task Unprotect_TamperedValue_ThrowsAPlainLanguageError()
    {
        await using var domain = await TestDomain.CreateMigratedAsync();
        var protector = domain.Get<ISecretProtector>();
        var tampered = protector.Protect(ClientSecret)[..^4] + "AAAA";

        var error = Assert.Throws<SecretUnreadableException>(() => protector.Unprotect(tampered));

        Assert.Contains("enter the secret again", error.Message);
    }
}
