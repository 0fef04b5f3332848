namespace FlexMail.Domain.Security;

/// <summary>
/// Folders 0700 and files 0600 on Unix: what lies in the data folder (database files, certificates, their private keys)
/// is for the portal's own user only. Windows keeps its inherited access lists (the user's profile or the service account's
/// folder); nothing is changed there.
/// </summary>
public static class OwnerOnly
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder 0700 (with missing parents), or takes group and other access away from an existing one.</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, FolderMode);
            return;
        }
        Restrict(path);
    }

    /// <summary>
    /// Creates an empty file 0600 when it is missing (so that a program that then opens it, such as SQLite, keeps that
    /// mode), or takes group and other access away from an existing one.
    /// </summary>
    public static void File(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!System.IO.File.Exists(path))
        {
            Folder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode,
            });
            return;
        }
        Restrict(path);
    }

    /// <summary>The options for writing a new file 0600.</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        return options;
    }

    private static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = System.IO.File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            try
            {
                System.IO.File.SetUnixFileMode(path, mode & ~GroupOrOther);
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours (a folder mounted by the platform): leave it as the platform set it.
            }
        }
    }
}
