namespace FlexMail.Tests.Support;

/// <summary>A test that needs a SQL Server: it runs when FLEXMAIL_TEST_SQLSERVER holds a connection string.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string VariableName = "FLEXMAIL_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"No SQL Server here: set {VariableName} to a connection string to run this test.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(VariableName);
}
