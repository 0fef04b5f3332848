using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.Security;
using FlexMail.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>
/// A <see cref="CredentialService"/> on the real domain (SQLite file, Data Protection, audit log) with a clock the
/// test controls, starting at <see cref="TestCertificates.Now"/>.
/// </summary>
internal sealed class CredentialTestDomain : IAsyncDisposable
{
    public static readonly Actor Actor = new("admin@contoso.test", "0b1c2d3e-0005-4000-8000-000000000005");

    private CredentialTestDomain(TestDomain domain)
    {
        Domain = domain;
        Service = new CredentialService(domain.Contexts, domain.Get<ISecretProtector>(), domain.Get<AuditLog>(), Clock,
            NullLogger<CredentialService>.Instance);
    }

    public TestDomain Domain { get; }

    public FakeTimeProvider Clock { get; } = new(TestCertificates.Now);

    public CredentialService Service { get; }

    public static async Task<CredentialTestDomain> CreateAsync() => new(await TestDomain.CreateMigratedAsync());

    public async Task<CredentialSummary> AddCertificateAsync(string name, CredentialUpload file)
    {
        var added = await Service.AddCertificateAsync(new AddCertificateRequest(name, file), Actor, CancellationToken.None);
        Assert.True(added.Succeeded, added.Problem?.Cause);
        return added.Value.Certificate;
    }

    public async Task<CredentialSummary> AddPrivateKeyAsync(string name, CredentialUpload file)
    {
        var added = await Service.AddPrivateKeyAsync(new AddPrivateKeyRequest(name, file), Actor, CancellationToken.None);
        Assert.True(added.Succeeded, added.Problem?.Cause);
        return added.Value.PrivateKey;
    }

    public ValueTask DisposeAsync() => Domain.DisposeAsync();
}
