using FlexMail.Domain.ApiKeys;
using FlexMail.Portal.Hosting;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.ApiKeys;

/// <summary>
/// <c>api-key create|list|revoke</c> run in-process as <c>Program</c> runs them, on a data folder of their own; the
/// printed key then authenticates against the same database.
/// </summary>
public sealed class ApiKeyCommandTests : IDisposable
{
    private readonly TemporaryFolder _data = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task Create_PrintsTheKeyOnceAndItAuthenticatesAgainstTheSameDatabase()
    {
        var (code, output, error) = await RunAsync("create", "Release pipeline");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var key = Line(output, "Key: ");
        Assert.StartsWith("whsec_", Line(output, "Webhook secret: "), StringComparison.Ordinal);
        Assert.Contains("not shown again", output, StringComparison.Ordinal);
        await using var domain = await TestDomain.CreateMigratedAsync(_data.Path);
        var found = await domain.Get<ApiKeyService>().AuthenticateAsync(key, CancellationToken.None);
        Assert.Equal(("Release pipeline", "command line"), (found?.Name, found?.CreatedBy));
    }

    [Fact]
    public async Task Create_WithoutAName_PrintsTheReasonToStandardErrorAndExits2()
    {
        var (code, output, error) = await RunAsync("create");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("needs a name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndRevoke_ShowTheKeyThenRefuseIt()
    {
        var (_, created, _) = await RunAsync("create", "Nightly build");
        var key = Line(created, "Key: ");
        var id = created.Split('(', ')')[1]["id ".Length..];

        var (listCode, list, _) = await RunAsync("list");
        var (revokeCode, revoked, _) = await RunAsync("revoke", id);

        Assert.Equal((0, 0), (listCode, revokeCode));
        Assert.Contains($"{id}  {key[..12]}…  Nightly build", list, StringComparison.Ordinal);
        Assert.Contains("revoked", revoked, StringComparison.Ordinal);
        await using var domain = await TestDomain.CreateMigratedAsync(_data.Path);
        Assert.Null(await domain.Get<ApiKeyService>().AuthenticateAsync(key, CancellationToken.None));
    }

    [Theory]
    [InlineData("rotate")]
    [InlineData("revoke", "not-an-id")]
    public async Task WrongCommand_PrintsHowToUseItAndExits2(params string[] words)
    {
        var (code, _, error) = await RunAsync(words);

        Assert.Equal(2, code);
        Assert.Contains("api-key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCommand_OnlyForTheApiKeyVerb()
    {
        Assert.True(ApiKeyCommand.IsCommand(["api-key", "list"]));
        Assert.False(ApiKeyCommand.IsCommand(["--urls", "https://localhost:7443"]));
        Assert.False(ApiKeyCommand.IsCommand([]));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] words)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ApiKeyCommand.RunAsync([ApiKeyCommand.Verb, .. words, $"--FlexMail:DataPath={_data.Path}"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Line(string output, string label) =>
        output.Split('\n').Select(line => line.TrimEnd('\r')).Single(line => line.StartsWith(label, StringComparison.Ordinal))[label.Length..];
}
