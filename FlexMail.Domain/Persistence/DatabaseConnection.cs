using Microsoft.Extensions.Configuration;

namespace FlexMail.Domain.Persistence;

/// <summary>Works out the connection string for the configured provider.</summary>
internal static class DatabaseConnection
{
    public const string SqliteFileName = "flexmail.db";

    public static string Resolve(DatabaseProvider provider, IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={dataFolder.File(SqliteFileName)}",
            _ => throw new FlexMailConfigurationException(
                $"FlexMail:Database:Provider is {provider} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty: " +
                "set ConnectionStrings__FlexMail to the SQL Server connection string."),
        };
    }
}
