namespace FlexMail.Domain;

/// <summary><c>FlexMail</c>: settings shared by the whole product.</summary>
public sealed class FlexMailOptions
{
    public const string SectionName = "FlexMail";

    /// <summary>Folder for the SQLite database, local certificates and key material. Relative paths start at the content root.</summary>
    public string DataPath { get; set; } = "data";
}
