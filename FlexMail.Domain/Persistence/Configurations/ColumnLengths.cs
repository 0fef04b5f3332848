namespace FlexMail.Domain.Persistence.Configurations;

/// <summary>Column sizes shared by the entity configurations (bounded so SQL Server can index them).</summary>
internal static class ColumnLengths
{
    public const int EnumName = 32;
    public const int Guid = 36;
    public const int Hint = 16;
    public const int Sha1Hex = 40;
    public const int Sha256Hex = 64;
    public const int SerialNumberHex = 128;
    public const int Name = 200;
    public const int AuditSubject = 400;
    public const int DomainName = 253;
    public const int EmailAddress = 320;
    public const int FolderPath = Settings.MailFolderPath.MaxLength;
    public const int DistinguishedName = 1024;
    public const int Url = 2048;
    public const int Message = 4000;
}
