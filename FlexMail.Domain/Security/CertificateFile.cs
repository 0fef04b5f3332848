using System.Security.Cryptography.X509Certificates;

namespace FlexMail.Domain.Security;

/// <summary>Loads a PKCS#12 certificate file, creating it first when it does not exist yet.</summary>
public static class CertificateFile
{
    public static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);

    /// <summary>
    /// Returns the certificate stored at <paramref name="path"/>; when the file is missing, or holds a certificate
    /// that <paramref name="isUsable"/> rejects (expired, say), writes a new one from <paramref name="create"/>.
    /// </summary>
    public static X509Certificate2 LoadOrCreate(string path, Func<X509Certificate2, bool> isUsable, Func<X509Certificate2> create)
    {
        if (File.Exists(path))
        {
            var existing = Load(path, password: null);
            if (isUsable(existing))
            {
                return existing;
            }
            existing.Dispose();
        }

        OwnerOnly.Folder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var created = create();
        WriteOwnerOnly(path, created.Export(X509ContentType.Pkcs12));
        return created;
    }

    private static void WriteOwnerOnly(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, OwnerOnly.NewFile(FileMode.Create, FileAccess.Write)))
        {
            stream.Write(content);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
