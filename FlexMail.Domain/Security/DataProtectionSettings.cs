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
}
