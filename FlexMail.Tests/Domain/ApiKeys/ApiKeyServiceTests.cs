using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Security;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Domain.ApiKeys;

public sealed class ApiKeyServiceTests : IAsyncLifetime
{
    private static readonly Actor Actor = new("admin@contoso.com", "0b1c2d3e-0005-4000-8000-000000000005");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDomain _domain = null!;
    private ApiKeyService _service = null!;

    public async Task InitializeAsync()
    {
        _domain = await TestDomain.CreateMigratedAsync();
        _service = new ApiKeyService(_domain.Contexts, _domain.Get<ISecretProtector>(), _domain.Get<AuditLog>(), _clock);
    }

    public async Task DisposeAsync() => await _domain.DisposeAsync();

    [Fact]
    public async Task Create_ThenAuthenticate_FindsTheKeyAndRecordsItsUse()
    {
        var created = await CreateAsync("Release pipeline");

        var found = await _service.AuthenticateAsync(created.Key, CancellationToken.None);

        Assert.Equal(created.Id, found?.Id);
        Assert.Equal("Release pipeline", found!.Name);
        var listed = Assert.Single(await _service.ListAsync(CancellationToken.None));
        Assert.Equal(_clock.GetUtcNow(), listed.LastUsedAt);
        Assert.Equal(("admin@contoso.com", created.Key[..12]), (listed.CreatedBy, listed.Prefix));
    }

    [Fact]
    public async Task Create_KeyAndSecret_HaveTheirPrefixesAndAtLeast256RandomBits()
    {
        var created = await CreateAsync("Release pipeline");

        Assert.StartsWith("fmk_", created.Key, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", created.WebhookSecret, StringComparison.Ordinal);
        Assert.Equal(32, Base64UrlBytes(created.Key["fmk_".Length..]));
        Assert.Equal(32, Base64UrlBytes(created.WebhookSecret["whsec_".Length..]));
        Assert.NotEqual(created.Key, (await CreateAsync("Second pipeline")).Key);
    }

    [Fact]
    public async Task Create_StoresTheKeysHashNeverTheKeyOrTheSecretInClear()
    {
        var created = await CreateAsync("Release pipeline");

        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Key))), stored.KeyHash);
        Assert.Equal(created.Key[..12], stored.Prefix);
        Assert.DoesNotContain(created.WebhookSecret, stored.ProtectedWebhookSecret, StringComparison.Ordinal);
        var databaseText = await DatabaseFilesTextAsync();
        Assert.Contains(stored.KeyHash, databaseText, StringComparison.Ordinal); // the files read are the ones written
        Assert.DoesNotContain(created.Key, databaseText, StringComparison.Ordinal);
        Assert.DoesNotContain(created.WebhookSecret, databaseText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWebhookSecret_OfAKeyInUse_IsTheSecretShownAtCreation()
    {
        var created = await CreateAsync("Release pipeline");

        Assert.Equal(created.WebhookSecret, await _service.GetWebhookSecretAsync(created.Id, CancellationToken.None));
        Assert.Null(await _service.GetWebhookSecretAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_ThenAuthenticate_RefusesTheKeyAndItsWebhookSecret()
    {
        var created = await CreateAsync("Release pipeline");

        var revoked = await _service.RevokeAsync(created.Id, Actor, CancellationToken.None);

        Assert.True(revoked.Succeeded);
        Assert.Null(await _service.AuthenticateAsync(created.Key, CancellationToken.None));
        Assert.Null(await _service.GetWebhookSecretAsync(created.Id, CancellationToken.None));
        var listed = Assert.Single(await _service.ListAsync(CancellationToken.None));
        Assert.Equal((true, "admin@contoso.com"), (listed.IsRevoked, listed.RevokedBy));
    }

    [Fact]
    public async Task CreateAndRevoke_AreAuditedWithTheActorAndPrefixNeverTheKey()
    {
        var created = await CreateAsync("Release pipeline");
        await _service.RevokeAsync(created.Id, Actor, CancellationToken.None);

        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var events = await db.AuditEvents.Where(e => e.Subject.StartsWith("API key")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["API key created", "API key revoked"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(("admin@contoso.com", Actor.ObjectId, "API key Release pipeline"), (e.Actor, e.ActorId, e.Subject)));
        Assert.All(events, e => Assert.DoesNotContain(created.Key, e.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_UnknownId_SaysNoSuchKey()
    {
        var result = await _service.RevokeAsync(Guid.NewGuid(), Actor, CancellationToken.None);

        Assert.Equal(ApiKeyService.NotFound, result.Problem?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fmk_")]
    [InlineData("fmk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Authenticate_KeyFlexMailDoesNotKnow_IsNull(string key)
    {
        await CreateAsync("Release pipeline");

        Assert.Null(await _service.AuthenticateAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Authenticate_AgainWithinAMinute_DoesNotWriteTheLastUseAgain()
    {
        var created = await CreateAsync("Release pipeline");
        await _service.AuthenticateAsync(created.Key, CancellationToken.None);
        var firstUse = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromSeconds(59));
        await _service.AuthenticateAsync(created.Key, CancellationToken.None);
        var withinTheMinute = (await _service.ListAsync(CancellationToken.None)).Single().LastUsedAt;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _service.AuthenticateAsync(created.Key, CancellationToken.None);
        var afterTheMinute = (await _service.ListAsync(CancellationToken.None)).Single().LastUsedAt;

        Assert.Equal(firstUse, withinTheMinute);
        Assert.Equal(_clock.GetUtcNow(), afterTheMinute);
    }

    [Theory]
    [InlineData("", "needs a name")]
    [InlineData("   ", "needs a name")]
    public async Task Create_WithoutAName_IsRefusedOnTheNameField(string name, string expected)
    {
        var result = await _service.CreateAsync(name, Actor, CancellationToken.None);

        Assert.Equal((ApiKeyService.InvalidName, ApiKeyService.NameField), (result.Problem?.Code, result.Problem?.Field));
        Assert.Contains(expected, result.Problem!.Cause, StringComparison.Ordinal);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.ApiKeys.ToListAsync());
    }

    [Fact]
    public async Task Create_NameOver200Characters_IsRefusedSayingTheLimit()
    {
        var result = await _service.CreateAsync(new string('x', 201), Actor, CancellationToken.None);

        Assert.Equal(ApiKeyService.NameField, result.Problem?.Field);
        Assert.Contains("at most 200 characters", result.Problem!.ToString(), StringComparison.Ordinal);
        Assert.True((await _service.CreateAsync(new string('x', 200), Actor, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Create_NameOfAKeyInUse_IsRefused_NameOfARevokedKeyIsFree()
    {
        var first = await CreateAsync("Release pipeline");

        var taken = await _service.CreateAsync(" Release pipeline ", Actor, CancellationToken.None);
        await _service.RevokeAsync(first.Id, Actor, CancellationToken.None);
        var again = await _service.CreateAsync("Release pipeline", Actor, CancellationToken.None);

        Assert.Equal(ApiKeyService.NameField, taken.Problem?.Field);
        Assert.Contains("already in use", taken.Problem!.Cause, StringComparison.Ordinal);
        Assert.True(again.Succeeded);
    }

    private async Task<CreatedApiKey> CreateAsync(string name)
    {
        var result = await _service.CreateAsync(name, Actor, CancellationToken.None);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return result.Value;
    }

    /// <summary>The database's files (with its write-ahead log) as text, read while SQLite holds them open.</summary>
    private async Task<string> DatabaseFilesTextAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(_domain.DataPath, Path.GetFileName(_domain.DatabaseFile) + "*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    private static int Base64UrlBytes(string text) => Convert.FromBase64String(
        text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4)).Length;
}
