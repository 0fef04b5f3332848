using FlexMail.Domain;
using FlexMail.Domain.Security;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Hosting;

/// <summary>
/// Outside Development, warns at start when the key-encryption certificate lies in the data folder: whoever copies the
/// data folder (a backup, a volume snapshot) then has the database and the key to every secret in it.
/// </summary>
internal sealed partial class KeyEncryptionCertificateWarning(
    IHostEnvironment environment,
    IOptions<DataProtectionSettings> settings,
    DataFolder dataFolder,
    ILogger<KeyEncryptionCertificateWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && settings.Value.IsInDataFolder(dataFolder))
        {
            LogCertificateBesideDatabase(logger, settings.Value.CertificateFile(dataFolder), dataFolder.Path, environment.EnvironmentName);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "SECRETS AT RISK: the key-encryption certificate {Certificate} lies in the data folder " +
        "{DataFolder}, beside the database it protects, so a copy of that folder reveals every stored secret ({Environment} environment). " +
        "Keep it in a secret store, mount it outside the data folder and set FlexMail:DataProtection:KeyEncryptionCertificatePath " +
        "(README, Secrets at rest).")]
    private static partial void LogCertificateBesideDatabase(ILogger logger, string certificate, string dataFolder, string environment);
}
