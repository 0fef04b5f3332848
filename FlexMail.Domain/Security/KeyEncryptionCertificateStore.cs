using System.Security.Cryptography.X509Certificates;

namespace FlexMail.Domain.Security;

/// <summary>Finds the key-encryption certificate in the operating system's certificate store ("My") by its thumbprint.</summary>
internal static class KeyEncryptionCertificateStore
{
    public static X509Certificate2 Find(string thumbprint, StoreLocation location)
    {
        var wanted = thumbprint.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal);
        using var store = new X509Store(StoreName.My, location);
        X509Certificate2Collection found;
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            found = []; // no such store for this user yet
        }
        var certificate = found.FirstOrDefault(candidate => candidate.HasPrivateKey);
        foreach (var other in found.Where(candidate => !ReferenceEquals(candidate, certificate)))
        {
            other.Dispose();
        }
        return certificate ?? throw new FlexMailConfigurationException(
            $"FlexMail:DataProtection:KeyEncryptionCertificateThumbprint {wanted} is not a certificate with its private key in the " +
            $"{location}/My certificate store: import the .pfx there (with its private key) for the portal's user, or set " +
            "KeyEncryptionCertificatePath instead.");
    }
}
