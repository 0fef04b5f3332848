namespace FlexMail.Tests.Support;

/// <summary>A test of Unix file modes: skipped on Windows, whose files have access lists instead (FlexMail leaves those as inherited).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "File modes (0600/0700) are Unix permissions; on Windows the data folder keeps its inherited access lists.";
        }
    }
}
