using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Connectivity;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlexMail.Domain;

public static class DependencyInjection
{
    private static readonly TimeSpan KeyEncryptionCertificateLifetime = TimeSpan.FromDays(365 * 20);

    /// <summary>Registers everything that is not UI: options, persistence, secret protection, then each feature's own <c>AddXxx</c>.</summary>
    public static IServiceCollection AddFlexMailDomain(this IServiceCollection services, IConfiguration configuration, DataFolder dataFolder)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FlexMailOptions>().Bind(configuration.GetSection(FlexMailOptions.SectionName)).ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();

        services.AddSingleton(dataFolder);

        services.AddFlexMailPersistence(configuration, dataFolder);
        services.AddFlexMailDataProtection(configuration, dataFolder);
        services.TryAddSingleton<IMicrosoftCloud, PublicMicrosoftCloud>();
        services.AddAudit();
        services.AddCredentials();
        services.AddOAuthApplications();
        services.AddEmailSettings();
        services.AddMailboxAccess(configuration);
        services.AddMailGateway();
        services.AddEmailConfigurationTest();
        services.AddApiKeys();
        services.AddApprovals(configuration);
        return services;
    }

    private static void AddFlexMailPersistence(this IServiceCollection services, IConfiguration configuration, DataFolder dataFolder)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DatabaseConnection.Resolve(database.Provider, configuration, dataFolder);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteFlexMailDbContext>(options => options.UseSqlite(connectionString));
                services.AddSingleton<IDbContextFactory<FlexMailDbContext>, ProviderDbContextFactory<SqliteFlexMailDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextFactory<SqlServerFlexMailDbContext>(options =>
                    options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<FlexMailDbContext>, ProviderDbContextFactory<SqlServerFlexMailDbContext>>();
                break;
            default:
                throw new FlexMailConfigurationException(
                    $"FlexMail:Database:Provider '{database.Provider}' is not supported: use Sqlite or SqlServer.");
        }

        // Scoped context for infrastructure that asks for one (Data Protection key store, health check).
        services.AddScoped<FlexMailDbContext>(provider =>
            provider.GetRequiredService<IDbContextFactory<FlexMailDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
    }

    private static void AddFlexMailDataProtection(this IServiceCollection services, IConfiguration configuration, DataFolder dataFolder)
    {
        var settings = configuration.GetSection(DataProtectionSettings.SectionName).Get<DataProtectionSettings>() ?? new DataProtectionSettings();
        services.AddOptions<DataProtectionSettings>().Bind(configuration.GetSection(DataProtectionSettings.SectionName));
        var keyEncryption = LoadKeyEncryptionCertificate(settings, dataFolder);
        services.AddDataProtection()
            .SetApplicationName(DataProtectionSettings.ApplicationName)
            .PersistKeysToDbContext<FlexMailDbContext>()
            .ProtectKeysWithCertificate(keyEncryption)
            .UnprotectKeysWithAnyCertificate(keyEncryption);
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
    }

    private static X509Certificate2 LoadKeyEncryptionCertificate(DataProtectionSettings settings, DataFolder dataFolder)
    {
        if (settings.UsesCertificateStore)
        {
            return KeyEncryptionCertificateStore.Find(settings.KeyEncryptionCertificateThumbprint!, settings.KeyEncryptionCertificateStoreLocation);
        }
        if (string.IsNullOrWhiteSpace(settings.KeyEncryptionCertificatePath))
        {
            return CertificateFile.LoadOrCreate(
                settings.CertificateFile(dataFolder),
                isUsable: _ => true, // never replaced: keys it encrypted would become unreadable
                () => SelfSignedCertificates.CreateKeyEncryption(TimeProvider.System, KeyEncryptionCertificateLifetime));
        }

        try
        {
            return CertificateFile.Load(settings.KeyEncryptionCertificatePath, settings.KeyEncryptionCertificatePassword);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new FlexMailConfigurationException(
                $"FlexMail:DataProtection:KeyEncryptionCertificatePath '{settings.KeyEncryptionCertificatePath}' could not be " +
                $"loaded ({ex.Message}): point it at a readable .pfx file and set KeyEncryptionCertificatePassword.", ex);
        }
    }
}
