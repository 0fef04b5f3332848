using System.Security.Cryptography;
using System.Text;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class CredentialStorageTests
{
    private const string PfxPassword = "pfx-Passw0rd!";

    [Fact]
    public async Task CredentialService_IsRegisteredWithTheDomain()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();

        Assert.NotNull(domain.Domain.Get<CredentialService>());
    }

    [Fact]
    public async Task AddCertificateAsync_Pem_StoresEveryDescriptiveColumn()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa3072);

        var added = await domain.AddCertificateAsync("  Entra client  ", TestCertificates.Pem(certificate));

        var row = await SingleRowAsync(domain);
        Assert.Equal(added.Id, row.Id);
        Assert.Equal("Entra client", row.Name);
        Assert.Equal(CredentialType.Certificate, row.Type);
        Assert.Equal("RSA", row.KeyAlgorithm);
        Assert.Equal(3072, row.KeySizeBits);
        Assert.Equal(certificate.Subject, row.Subject);
        Assert.Equal(certificate.Issuer, row.Issuer);
        Assert.Equal(certificate.SerialNumber, row.SerialNumber);
        Assert.Equal(certificate.Thumbprint, row.Sha1Thumbprint);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(certificate.RawData)), row.Sha256Thumbprint);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        Assert.Equal(TestKeys.Fingerprint(key), row.PublicKeyFingerprint);
        Assert.Equal(new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), row.NotBefore);
        Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), row.NotAfter);
        Assert.Equal(TestCertificates.Now, row.CreatedAt);
    }

    [Fact]
    public async Task AddCertificateAsync_StoredMaterial_IsProtectedAndUnprotectsToTheCertificateDer()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);

        await domain.AddCertificateAsync("Entra client", TestCertificates.Der(certificate));

        var row = await SingleRowAsync(domain);
        Assert.DoesNotContain(Convert.ToBase64String(certificate.RawData)[..40], row.ProtectedMaterial);
        var material = domain.Domain.Get<ISecretProtector>().Unprotect(row.ProtectedMaterial);
        Assert.Equal(certificate.RawData, Convert.FromBase64String(material));
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa2048, TestKeyFormat.TraditionalPem)]
    [InlineData(TestKeyKind.EcP384, TestKeyFormat.OpenSsh)]
    [InlineData(TestKeyKind.EcP256, TestKeyFormat.EncryptedPkcs8Pem)]
    public async Task AddPrivateKeyAsync_StoredRow_HoldsNoPlaintextKeyAndUnprotectsToTheSameKey(TestKeyKind kind, TestKeyFormat format)
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var key = TestKeys.Create(kind);
        var pkcs8 = key.ExportPkcs8PrivateKey();

        await domain.AddPrivateKeyAsync("Entra signing key", TestKeyFiles.Create(key, format));
        SqliteConnection.ClearAllPools(); // flush to the file before reading its bytes

        var file = await File.ReadAllBytesAsync(domain.Domain.DatabaseFile);
        Assert.Equal(-1, file.AsSpan().IndexOf(pkcs8.AsSpan(^48..)));
        Assert.DoesNotContain(Convert.ToBase64String(pkcs8)[^60..], Encoding.Latin1.GetString(file));
        var row = await SingleRowAsync(domain);
        Assert.Equal(CredentialType.PrivateKey, row.Type);
        Assert.Null(row.Subject);
        Assert.Null(row.Sha1Thumbprint);
        Assert.Null(row.NotAfter);
        var stored = Convert.FromBase64String(domain.Domain.Get<ISecretProtector>().Unprotect(row.ProtectedMaterial));
        using AsymmetricAlgorithm reloaded = TestKeys.IsRsa(kind) ? RSA.Create() : ECDsa.Create();
        reloaded.ImportPkcs8PrivateKey(stored, out _);
        Assert.Equal(TestKeys.Fingerprint(key), TestKeys.Fingerprint(reloaded));
        Assert.Equal(TestKeys.Fingerprint(key), row.PublicKeyFingerprint);
    }

    [Fact]
    public async Task AddCertificateAsync_PfxWithPrivateKeyName_StoresTheCertificateAndItsKeyTogether()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var request = new AddCertificateRequest("Entra client", TestCertificates.Pfx(certificate, PfxPassword))
        {
            PrivateKeyName = "Entra client key",
        };

        var added = await domain.Service.AddCertificateAsync(request, CredentialTestDomain.Actor, CancellationToken.None);

        Assert.True(added.Succeeded, added.Problem?.Cause);
        Assert.NotNull(added.Value.PrivateKey);
        Assert.Empty(added.Value.Notices);
        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        var rows = await db.Credentials.OrderBy(row => row.Name).ToListAsync();
        Assert.Equal(["Entra client", "Entra client key"], rows.Select(row => row.Name));
        Assert.Equal([CredentialType.Certificate, CredentialType.PrivateKey], rows.Select(row => row.Type));
        Assert.Equal(rows[0].PublicKeyFingerprint, rows[1].PublicKeyFingerprint);
        Assert.Equal(2, await db.AuditEvents.CountAsync(audit => audit.Action == CredentialService.AddedAction));
    }

    [Fact]
    public async Task AddCertificateAsync_PfxWithKeyButNoPrivateKeyName_StoresOnlyTheCertificateAndSaysTheFileHasAKey()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        var request = new AddCertificateRequest("Entra client", TestCertificates.Pfx(certificate, PfxPassword));

        var added = await domain.Service.AddCertificateAsync(request, CredentialTestDomain.Actor, CancellationToken.None);

        Assert.True(added.Succeeded, added.Problem?.Cause);
        Assert.True(added.Value.FileContainsPrivateKey);
        Assert.Null(added.Value.PrivateKey);
        Assert.Contains(AddCertificateResult.PrivateKeyNotStoredNotice, added.Value.Notices);
        Assert.Equal(CredentialType.Certificate, (await SingleRowAsync(domain)).Type);
    }

    [Fact]
    public async Task AddCertificateAsync_PrivateKeyNameForFileWithoutKey_IsRefusedAndStoresNothing()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        var request = new AddCertificateRequest("Entra client", TestCertificates.Pem(certificate)) { PrivateKeyName = "Key" };

        var added = await domain.Service.AddCertificateAsync(request, CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(added, CredentialErrorCode.NoPrivateKeyInFile, "contains no private key");
        Assert.Empty(await domain.Service.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task AddCertificateAsync_PrivateKeyNameAlreadyTaken_StoresNeitherCredential()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var existing = TestKeys.Create(TestKeyKind.EcP256, variant: 1);
        await domain.AddPrivateKeyAsync("Entra client key", TestKeyFiles.Create(existing, TestKeyFormat.Pkcs8Pem));
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var request = new AddCertificateRequest("Entra client", TestCertificates.Pfx(certificate, PfxPassword))
        {
            PrivateKeyName = "ENTRA CLIENT KEY",
        };

        var added = await domain.Service.AddCertificateAsync(request, CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(added, CredentialErrorCode.DuplicateName, "'ENTRA CLIENT KEY' already exists");
        var remaining = Assert.Single(await domain.Service.ListAsync(null, CancellationToken.None));
        Assert.Equal("Entra client key", remaining.Name);
    }

    [Fact]
    public async Task AddCertificateAsync_PrivateKeyNameEqualToCertificateName_IsRefused()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var request = new AddCertificateRequest("Entra", TestCertificates.Pfx(certificate, PfxPassword)) { PrivateKeyName = "entra" };

        var added = await domain.Service.AddCertificateAsync(request, CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(added, CredentialErrorCode.DuplicateName);
    }

    [Fact]
    public async Task AddPrivateKeyAsync_NameTakenInAnotherCase_IsRefusedAsDuplicate()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        await domain.AddCertificateAsync("Entra client", TestCertificates.Pem(certificate));
        using var key = TestCertificates.PrivateKeyOf(certificate);

        var added = await domain.Service.AddPrivateKeyAsync(
            new AddPrivateKeyRequest("entra CLIENT", TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem)), CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(added, CredentialErrorCode.DuplicateName, "already exists", "Choose another name");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddCertificateAsync_BlankName_IsRefused(string name)
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);

        var added = await domain.Service.AddCertificateAsync(
            new AddCertificateRequest(name, TestCertificates.Pem(certificate)), CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(added, CredentialErrorCode.NameRequired, "Enter a name");
    }

    [Fact]
    public async Task AddPrivateKeyAsync_NameLongerThan200Characters_IsRefused()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var key = TestKeys.Create(TestKeyKind.EcP256);

        var added = await domain.Service.AddPrivateKeyAsync(
            new AddPrivateKeyRequest(new string('k', 201), TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem)),
            CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(added, CredentialErrorCode.NameTooLong, "201 characters", "at most 200");
    }

    [Fact]
    public async Task AddPrivateKeyAsync_InvalidFile_StoresNothingAndRecordsNoAuditEvent()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);

        var added = await domain.Service.AddPrivateKeyAsync(
            new AddPrivateKeyRequest("Key", TestCertificates.Pem(certificate)), CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(added, CredentialErrorCode.NotAPrivateKey);
        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.Credentials.ToListAsync());
        Assert.False(await db.AuditEvents.AnyAsync(audit => audit.Action == CredentialService.AddedAction));
    }

    [Fact]
    public async Task AddPrivateKeyAsync_AuditEvent_NamesActorCredentialAndFingerprintButNoSecret()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);
        var upload = TestKeyFiles.Create(key, TestKeyFormat.EncryptedPkcs8Pem);

        await domain.AddPrivateKeyAsync("Entra signing key", upload);

        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        var recorded = await db.AuditEvents.SingleAsync(audit => audit.Action == CredentialService.AddedAction);
        Assert.Equal(CredentialTestDomain.Actor.Name, recorded.Actor);
        Assert.Equal("Credential 'Entra signing key'", recorded.Subject);
        Assert.Contains("private key", recorded.Details);
        Assert.Contains(TestKeys.Fingerprint(key), recorded.Details);
        Assert.DoesNotContain(TestKeyFiles.Passphrase, recorded.Details);
        Assert.DoesNotContain(Convert.ToBase64String(key.ExportPkcs8PrivateKey())[^40..], recorded.Details);
    }

    [Fact]
    public async Task AddCertificateAsync_AuditEvent_NamesTheThumbprint()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP384);

        await domain.AddCertificateAsync("Entra client", TestCertificates.Pfx(certificate, PfxPassword));

        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        var recorded = await db.AuditEvents.SingleAsync(audit => audit.Action == CredentialService.AddedAction);
        Assert.Contains(certificate.Thumbprint, recorded.Details);
        Assert.Contains("certificate", recorded.Details);
        Assert.DoesNotContain(PfxPassword, recorded.Details);
    }

    private static async Task<Credential> SingleRowAsync(CredentialTestDomain domain)
    {
        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        return await db.Credentials.AsNoTracking().SingleAsync();
    }
}
