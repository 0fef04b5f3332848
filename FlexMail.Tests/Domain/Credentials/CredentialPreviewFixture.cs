using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>One credential domain per test class for tests that only preview (parse) uploads and store nothing.</summary>
public sealed class CredentialPreviewFixture : IAsyncLifetime
{
    private CredentialTestDomain? _domain;

    internal CredentialService Service => (_domain ?? throw new InvalidOperationException("Not initialised.")).Service;

    public async Task InitializeAsync() => _domain = await CredentialTestDomain.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_domain is not null)
        {
            await _domain.DisposeAsync();
        }
    }
}
