using System.Security.Cryptography.X509Certificates;

namespace FlexMail.Domain.Security;

/// <summary>
/// <c>FlexMail:DataProtection</c>: the certificate that encrypts the data-protection key ring stored in the
/// database. Without a path, a certificate is created in the data folder on first run (embedded default);
/// production mounts its own from a secret store, so a database copy alone never reveals a secret.
/// </summary>
public sealed class DataProtectionSettings
{
    public const string SectionName = "FlexMail:DataProtection";

    /// <summary>Data Protection application name: instances sharing a database must share it.</summary>
    public const string ApplicationName = "FlexMail";

    public string? KeyEncryptionCertificatePath { get; set; }

    public string? KeyEncryptionCertificatePassword { get; set; }

    /// <summary>
    /// Instead of a file: the SHA-1 thumbprint of a certificate (with its private key) in the "My" store of
    /// <see cref="KeyEncryptionCertificateStoreLocation"/>.
    /// </summary>
    public string? KeyEncryptionCertificateThumbprint { get; set; }

    /// <summary><c>CurrentUser</c> (default) or <c>LocalMachine</c>.</summary>
    public StoreLocation KeyEncryptionCertificateStoreLocation { get; set; } = StoreLocation.CurrentUser;

    /// <summary>The certificate comes from the certificate store, not from a file.</summary>
    public bool UsesCertificateStore => !string.IsNullOrWhiteSpace(KeyEncryptionCertificateThumbprint);

    /// <summary>The certificate file in use: the configured one, or the one created in the data folder.</summary>
    public string CertificateFile(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        return string.IsNullOrWhiteSpace(KeyEncryptionCertificatePath)
            ? dataFolder.File("keys", "key-encryption.pfx")
            : Path.GetFullPath(KeyEncryptionCertificatePath);
    }

    /// <summary>True when the certificate lies in the data folder, beside the database whose key ring it protects.</summary>
    public bool IsInDataFolder(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        if (UsesCertificateStore)
        {
            return false;
        }
        var folder = Path.TrimEndingDirectorySeparator(dataFolder.Path) + Path.DirectorySeparatorChar;
        return CertificateFile(dataFolder).StartsWith(folder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
