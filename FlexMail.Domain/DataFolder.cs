using Microsoft.Extensions.Configuration;

namespace FlexMail.Domain;

/// <summary>The resolved, existing data folder (<see cref="FlexMailOptions.DataPath"/>): owner-only (0700) on Unix.</summary>
public sealed class DataFolder
{
    public DataFolder(string dataPath, string contentRootPath)
    {
        Path = System.IO.Path.GetFullPath(dataPath, contentRootPath);
        Security.OwnerOnly.Folder(Path);
    }

    public string Path { get; }

    public static DataFolder FromConfiguration(IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(FlexMailOptions.SectionName).Get<FlexMailOptions>() ?? new FlexMailOptions();
        return new DataFolder(options.DataPath, contentRootPath);
    }

    public string File(params string[] relativeParts) => System.IO.Path.Combine([Path, .. relativeParts]);
}
