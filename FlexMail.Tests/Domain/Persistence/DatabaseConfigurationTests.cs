using FlexMail.Domain;
using FlexMail.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlexMail.Tests.Domain.Persistence;

public sealed class DatabaseConfigurationTests
{
    [Fact]
    public void AddFlexMailDomain_SqlServerWithoutConnectionString_FailsWithOneClearSentence()
    {
        using var folder = new TemporaryFolder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FlexMail:Database:Provider"] = "SqlServer",
        }).Build();

        var error = Assert.Throws<FlexMailConfigurationException>(() =>
            new ServiceCollection().AddFlexMailDomain(configuration, new DataFolder(folder.Path, folder.Path)));

        Assert.Equal(
            "FlexMail:Database:Provider is SqlServer but ConnectionStrings:FlexMail is empty: " +
            "set ConnectionStrings__FlexMail to the SQL Server connection string.",
            error.Message);
    }

    [Fact]
    public void AddFlexMailDomain_UnreadableKeyEncryptionCertificate_NamesTheSettingToFix()
    {
        using var folder = new TemporaryFolder();
        var missing = Path.Combine(folder.Path, "missing.pfx");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FlexMail:DataProtection:KeyEncryptionCertificatePath"] = missing,
        }).Build();

        var error = Assert.Throws<FlexMailConfigurationException>(() =>
            new ServiceCollection().AddFlexMailDomain(configuration, new DataFolder(folder.Path, folder.Path)));

        Assert.StartsWith($"FlexMail:DataProtection:KeyEncryptionCertificatePath '{missing}' could not be loaded", error.Message);
    }

    [Fact]
    public void DataFolder_RelativePath_ResolvesUnderTheContentRootAndIsCreated()
    {
        using var contentRoot = new TemporaryFolder();

        var dataFolder = new DataFolder("data", contentRoot.Path);

        Assert.Equal(Path.Combine(contentRoot.Path, "data"), dataFolder.Path);
        Assert.True(Directory.Exists(dataFolder.Path));
    }
}
