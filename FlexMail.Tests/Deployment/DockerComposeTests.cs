using System.Text.RegularExpressions;

namespace FlexMail.Tests.Deployment;

/// <summary>
/// docker-compose.yml read as text (no Docker engine here; the YAML's validity is checked where Compose runs): the
/// portal connects with FlexMail's own login, which a one-off init step creates with only the rights it needs.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Root = FindRepositoryRoot();

    private static string Compose => File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));

    [Fact]
    public void PortalConnectionString_UsesFlexMailsOwnLoginNotSa()
    {
        var connection = ConnectionStringLine().Match(Compose);

        Assert.True(connection.Success, "The portal's ConnectionStrings__FlexMail is missing.");
        var value = connection.Groups["value"].Value;
        Assert.DoesNotMatch(SaLogin(), value);
        Assert.Contains("User Id=flexmail;", value, StringComparison.Ordinal);
        Assert.Contains("Encrypt=True", value, StringComparison.Ordinal);
        Assert.Contains("${FLEXMAIL_DB_PASSWORD", value, StringComparison.Ordinal);
        Assert.DoesNotContain("MSSQL_SA_PASSWORD", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Portal_WaitsForTheInitStepThatCreatesTheLogin()
    {
        var compose = Compose;
        var portal = compose[compose.IndexOf("\n  portal:", StringComparison.Ordinal)..];

        Assert.Contains("\n  sqlserver-init:", compose, StringComparison.Ordinal);
        Assert.Matches(InitDependency(), portal);
        Assert.Contains("/init/create-flexmail-login.sql", compose, StringComparison.Ordinal);
    }

    [Fact]
    public void InitScript_CreatesTheLoginAndGivesItDbOwnerOnTheFlexMailDatabaseOnly()
    {
        var script = File.ReadAllText(Path.Combine(Root, "FlexMail.Portal", "Deploy", "create-flexmail-login.sql"));

        Assert.Contains("CREATE LOGIN [flexmail] WITH PASSWORD = N'$(FLEXMAIL_DB_PASSWORD)'", script, StringComparison.Ordinal);
        Assert.Contains("USE [FlexMail];", script, StringComparison.Ordinal);
        Assert.Contains("ALTER ROLE [db_owner] ADD MEMBER [flexmail];", script, StringComparison.Ordinal);
        Assert.DoesNotContain("sysadmin", script.Replace("-- ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ALTER SERVER ROLE", script, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ComposeFile_HasNoTabsAndEveryServiceKeyIsIndentedByTwoSpaces()
    {
        var compose = Compose;

        Assert.DoesNotContain('\t', compose);
        var services = compose[(compose.IndexOf("services:\n", StringComparison.Ordinal) + "services:\n".Length)..compose.IndexOf("\nvolumes:", StringComparison.Ordinal)];
        var keys = ServiceKey().Matches(services).Select(match => match.Groups["name"].Value).ToList();
        Assert.Equal(["sqlserver", "sqlserver-init", "portal"], keys);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FlexMail.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("FlexMail.sln not found above the test output folder.");
    }

    [GeneratedRegex(@"^\s+ConnectionStrings__FlexMail:\s*""(?<value>[^""]*)""", RegexOptions.Multiline)]
    private static partial Regex ConnectionStringLine();

    [GeneratedRegex(@"(User\s*Id|UID|User)\s*=\s*sa\s*(;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SaLogin();

    [GeneratedRegex(@"depends_on:\n(\s{6}\S.*\n\s{8}.*\n)*\s{6}sqlserver-init:\n\s{8}condition: service_completed_successfully")]
    private static partial Regex InitDependency();

    [GeneratedRegex(@"^  (?<name>[a-z][a-z0-9-]*):\s*$", RegexOptions.Multiline)]
    private static partial Regex ServiceKey();
}
