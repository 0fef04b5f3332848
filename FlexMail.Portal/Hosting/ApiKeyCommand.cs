using FlexMail.Domain;
using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace FlexMail.Portal.Hosting;

/// <summary>
/// <c>api-key create &lt;name&gt;</c>, <c>api-key list</c> and <c>api-key revoke &lt;id&gt;</c>: API keys from the command line, for
/// automation, against the database the portal uses (the same configuration: appsettings, environment variables,
/// <c>--FlexMail:...</c> arguments). The web app does not start. Exit code 0 when done, 2 for a refused name or a
/// wrong command, 1 when the database could not be used.
/// </summary>
public static class ApiKeyCommand
{
    public const string Verb = "api-key";

    private static readonly Actor CommandLine = new("command line", null);

    private const string Usage =
        "Usage: api-key create <name> | api-key list | api-key revoke <id>  (configuration as for the portal, e.g. --FlexMail:DataPath=data)";

    /// <summary>Whether the arguments ask for this command rather than the web app.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Words before the first --option are the command; the rest is configuration, as for the portal.
        var words = args.Skip(1).TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var configurationArgs = args.Skip(1 + words.Length).ToArray();
        if (words.Length == 0 || words[0] is not ("create" or "list" or "revoke"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            await using var services = await OpenDomainAsync(configurationArgs, cancellationToken);
            var keys = services.GetRequiredService<ApiKeyService>();
            return words[0] switch
            {
                "create" => await CreateAsync(keys, string.Join(' ', words.Skip(1)), output, error, cancellationToken),
                "list" => await ListAsync(keys, output, cancellationToken),
                _ => await RevokeAsync(keys, words.Skip(1).FirstOrDefault(), output, error, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is FlexMailConfigurationException or OptionsValidationException or Microsoft.EntityFrameworkCore.DbUpdateException
                                       or System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"The database could not be used: {ex.Message} Check FlexMail:Database and the connection string, as for the portal.");
            return 1;
        }
    }

    /// <summary>The domain services over the portal's configuration, with the database migrated as the portal would at start.</summary>
    private static async Task<ServiceProvider> OpenDomainAsync(string[] configurationArgs, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(configurationArgs);
        var dataFolder = DataFolder.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        var services = new ServiceCollection().AddLogging().AddFlexMailDomain(builder.Configuration, dataFolder).BuildServiceProvider();
        try
        {
            if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            }
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    private static async Task<int> CreateAsync(ApiKeyService keys, string name, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = await keys.CreateAsync(name, CommandLine, cancellationToken);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(result.Problem.ToString());
            return 2;
        }
        var created = result.Value;
        await output.WriteLineAsync($"API key \"{created.Name}\" created (id {created.Id}).");
        await output.WriteLineAsync($"Key: {created.Key}");
        await output.WriteLineAsync($"Webhook secret: {created.WebhookSecret}");
        await output.WriteLineAsync("Copy both now: they are not shown again (FlexMail keeps only the key's hash and the secret encrypted).");
        await output.WriteLineAsync($"Send the key in the {SignIn.ApiKeyAuthentication.HeaderName} header.");
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyService keys, TextWriter output, CancellationToken cancellationToken)
    {
        var all = await keys.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            await output.WriteLineAsync("No API keys yet. Create one with: api-key create <name>");
            return 0;
        }
        foreach (var key in all)
        {
            var status = key.RevokedAt is { } revoked ? $"revoked {revoked.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {key.RevokedBy}" : "active";
            var lastUsed = key.LastUsedAt is { } used ? $"{used.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "never";
            await output.WriteLineAsync($"{key.Id}  {key.Prefix}…  {key.Name}  (created {key.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {key.CreatedBy}; last used {lastUsed}; {status})");
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyService keys, string? id, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var keyId))
        {
            await error.WriteLineAsync($"\"{id}\" is not an API key id: give the id that \"api-key list\" shows, e.g. api-key revoke 3f2c9a4e-....");
            return 2;
        }
        var result = await keys.RevokeAsync(keyId, CommandLine, cancellationToken);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(result.Problem.ToString());
            return 2;
        }
        await output.WriteLineAsync($"API key {keyId} revoked: requests carrying it are refused from now on.");
        return 0;
    }
}
