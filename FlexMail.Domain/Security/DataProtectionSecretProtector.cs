using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace FlexMail.Domain.Security;

/// <summary><see cref="ISecretProtector"/> on ASP.NET Core Data Protection (key ring kept in the database).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>Changing the purpose makes every stored secret unreadable: never change it.</summary>
    internal const string Purpose = "FlexMail.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return _protector.Protect(secret);
    }

    public string Unprotect(string protectedSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(protectedSecret);
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException ex)
        {
            throw new SecretUnreadableException(ex);
        }
    }
}
