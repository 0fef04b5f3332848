using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>The same certificate (by SHA-256 thumbprint) or key (by public key) is not stored twice: the stored one is named.</summary>
public sealed class CredentialDuplicateTests
{
    [Fact]
    public async Task AddCertificate_SameCertificateAgainInAnotherFormat_IsRefusedNamingTheStoredOne()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var stored = await domain.AddCertificateAsync("Entra client", TestCertificates.Pem(certificate));

        var again = await domain.Service.AddCertificateAsync(
            new AddCertificateRequest("Entra client again", TestCertificates.Der(certificate)), CredentialTestDomain.Actor, CancellationToken.None);

        var error = CredentialAssert.Refused(again, CredentialErrorCode.AlreadyStored, "already stored as 'Entra client'", "SHA-256 thumbprint");
        Assert.Equal(new CredentialReference(stored.Id, "Entra client", CredentialType.Certificate), error.Existing);
        Assert.Equal(1, await CountAsync(domain));
    }

    [Fact]
    public async Task AddPrivateKey_SameKeyAgainInAnotherFormat_IsRefusedNamingTheStoredOne()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var key = TestKeys.Create(TestKeyKind.EcP256);
        var stored = await domain.AddPrivateKeyAsync("Entra key", TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem));

        var again = await domain.Service.AddPrivateKeyAsync(
            new AddPrivateKeyRequest("Entra key copy", TestKeyFiles.Create(key, TestKeyFormat.OpenSsh)), CredentialTestDomain.Actor, CancellationToken.None);

        var error = CredentialAssert.Refused(again, CredentialErrorCode.AlreadyStored, "already stored as 'Entra key'", "same public key");
        Assert.Equal(stored.Id, error.Existing!.Id);
        Assert.Equal(1, await CountAsync(domain));
    }

    [Fact]
    public async Task AddCertificate_RenewedCertificateForAStoredKey_IsStored()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var first = TestCertificates.Create(TestKeyKind.Rsa2048);
        using var renewed = TestCertificates.Create(TestKeys.Create(TestKeyKind.Rsa2048), TestCertificates.Now, TestCertificates.Now.AddYears(2));
        await domain.AddCertificateAsync("Entra client 2026", TestCertificates.Pem(first));

        await domain.AddCertificateAsync("Entra client 2027", TestCertificates.Pem(renewed));

        Assert.Equal(2, await CountAsync(domain));
    }

    [Fact]
    public async Task AddCertificate_PfxWhoseKeyIsStored_IsRefusedOnThePrivateKeyNameAndStoresNothing()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa3072);
        using (var key = TestCertificates.PrivateKeyOf(certificate))
        {
            await domain.AddPrivateKeyAsync("Entra key", TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem));
        }

        var added = await domain.Service.AddCertificateAsync(
            new AddCertificateRequest("Entra client", TestCertificates.Pfx(certificate, "pw")) { PrivateKeyName = "Entra client key" },
            CredentialTestDomain.Actor, CancellationToken.None);

        var error = CredentialAssert.Refused(added, CredentialErrorCode.AlreadyStored, "already stored as 'Entra key'", "Also store the private key");
        Assert.Equal(CredentialError.PrivateKeyNameField, error.Field);
        Assert.Equal(1, await CountAsync(domain));
    }

    private static async Task<int> CountAsync(CredentialTestDomain domain)
    {
        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        return await db.Credentials.CountAsync();
    }
}
