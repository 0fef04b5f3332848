namespace FlexMail.Domain.Persistence;

/// <summary><c>FlexMail:Database</c>: which database FlexMail keeps its state in.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "FlexMail:Database";

    /// <summary>The connection string's name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "FlexMail";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the portal starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}
