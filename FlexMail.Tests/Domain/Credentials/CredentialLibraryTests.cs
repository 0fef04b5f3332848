using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.OAuthApps;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class CredentialLibraryTests
{
    [Fact]
    public async Task ListAsync_Credentials_AreOrderedByNameAndFilteredByType()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        await domain.AddPrivateKeyAsync("B key", TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem));
        await domain.AddCertificateAsync("C certificate", TestCertificates.Pem(certificate));
        using var other = TestCertificates.Create(TestKeyKind.Rsa2048);
        await domain.AddCertificateAsync("A certificate", TestCertificates.Der(other));

        var all = await domain.Service.ListAsync(null, CancellationToken.None);
        var certificates = await domain.Service.ListAsync(CredentialType.Certificate, CancellationToken.None);

        Assert.Equal(["A certificate", "B key", "C certificate"], all.Select(summary => summary.Name));
        Assert.Equal(["A certificate", "C certificate"], certificates.Select(summary => summary.Name));
        var keySummary = all[1];
        Assert.Equal(CredentialType.PrivateKey, keySummary.Type);
        Assert.Null(keySummary.ExpiryStatus);
        Assert.Equal(ExpiryStatus.Valid, all[2].ExpiryStatus);
        Assert.Equal(certificate.Thumbprint, all[2].Sha1Thumbprint);
    }

    [Fact]
    public async Task GetAsync_Certificate_ShowsDetailsTheApplicationsUsingItAndItsKey()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        var stored = await domain.AddCertificateAsync("Entra client", TestCertificates.Pem(certificate));
        var storedKey = await domain.AddPrivateKeyAsync("Entra client key", TestKeyFiles.Create(key, TestKeyFormat.OpenSsh));
        await AddApplicationAsync(domain, "Fabrikam mail", stored.Id, storedKey.Id);
        await AddApplicationAsync(domain, "Contoso mail", stored.Id, null);

        var details = await domain.Service.GetAsync(stored.Id, CancellationToken.None);

        Assert.True(details.Succeeded, details.Problem?.Cause);
        Assert.Equal(certificate.Subject, details.Value.Subject);
        Assert.Equal(certificate.SerialNumber, details.Value.SerialNumber);
        Assert.Equal(certificate.Thumbprint, details.Value.Thumbprints?.Sha1Hex);
        Assert.Equal(Convert.ToBase64String(certificate.GetCertHash()).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            details.Value.Thumbprints?.X5t);
        Assert.Equal(ExpiryStatus.Valid, details.Value.ExpiryStatus);
        Assert.Equal(["Contoso mail", "Fabrikam mail"], details.Value.UsedByApplications);
        var match = Assert.Single(details.Value.MatchingCredentials);
        Assert.Equal(new CredentialReference(storedKey.Id, "Entra client key", CredentialType.PrivateKey), match);
    }

    [Fact]
    public async Task GetAsync_UnknownId_IsNotFound()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();

        var details = await domain.Service.GetAsync(Guid.NewGuid(), CancellationToken.None);

        CredentialAssert.Refused(details, CredentialErrorCode.NotFound, "does not exist");
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa2048)]
    [InlineData(TestKeyKind.EcP384)]
    public async Task DownloadCertificatePemAsync_StoredCertificate_RoundTripsToTheSameCertificate(TestKeyKind kind)
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(kind);
        var stored = await domain.AddCertificateAsync("Entra client/2026", TestCertificates.Pfx(certificate, "pw"));

        var download = await domain.Service.DownloadCertificatePemAsync(stored.Id, CancellationToken.None);

        Assert.True(download.Succeeded, download.Problem?.Cause);
        Assert.Equal("Entra-client-2026.crt", download.Value.FileName);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", download.Value.Pem);
        Assert.DoesNotContain("PRIVATE KEY", download.Value.Pem);
        using var reloaded = X509Certificate2.CreateFromPem(download.Value.Pem);
        Assert.Equal(certificate.RawData, reloaded.RawData);
        Assert.False(reloaded.HasPrivateKey);
    }

    [Fact]
    public async Task DownloadCertificatePemAsync_PrivateKey_IsRefusedAsTheWrongType()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var key = TestKeys.Create(TestKeyKind.EcP256);
        var stored = await domain.AddPrivateKeyAsync("Entra key", TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem));

        var download = await domain.Service.DownloadCertificatePemAsync(stored.Id, CancellationToken.None);

        CredentialAssert.Refused(download, CredentialErrorCode.WrongCredentialType, "'Entra key' is a private key, not a certificate");
    }

    [Fact]
    public async Task DeleteAsync_UnusedCredential_RemovesItAndRecordsAnAuditEvent()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        var stored = await domain.AddCertificateAsync("Old client", TestCertificates.Pem(certificate));

        var deleted = await domain.Service.DeleteAsync(stored.Id, CredentialTestDomain.Actor, CancellationToken.None);

        Assert.True(deleted.Succeeded, deleted.Problem?.Cause);
        Assert.Equal("Old client", deleted.Value.Name);
        Assert.Empty(await domain.Service.ListAsync(null, CancellationToken.None));
        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        var recorded = await db.AuditEvents.SingleAsync(audit => audit.Action == CredentialService.DeletedAction);
        Assert.Equal((CredentialTestDomain.Actor.Name, CredentialTestDomain.Actor.ObjectId), (recorded.Actor, recorded.ActorId));
        Assert.Equal("Credential 'Old client'", recorded.Subject);
        Assert.Contains(certificate.Thumbprint, recorded.Details);
    }

    [Fact]
    public async Task DeleteAsync_CertificateUsedByApplications_IsRefusedNamingThem()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var stored = await domain.AddCertificateAsync("Entra client", TestCertificates.Pem(certificate));
        await AddApplicationAsync(domain, "Contoso mail", stored.Id, null);
        await AddApplicationAsync(domain, "Fabrikam mail", stored.Id, null);

        var deleted = await domain.Service.DeleteAsync(stored.Id, CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(deleted, CredentialErrorCode.InUse,
            "'Entra client' cannot be deleted", "applications 'Contoso mail', 'Fabrikam mail' use it");
        Assert.Single(await domain.Service.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_PrivateKeyUsedByAnApplication_IsRefusedNamingIt()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var key = TestKeys.Create(TestKeyKind.EcP384);
        var stored = await domain.AddPrivateKeyAsync("Entra key", TestKeyFiles.Create(key, TestKeyFormat.TraditionalPem));
        await AddApplicationAsync(domain, "Contoso mail", null, stored.Id);

        var deleted = await domain.Service.DeleteAsync(stored.Id, CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(deleted, CredentialErrorCode.InUse, "application 'Contoso mail' uses it");
        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        Assert.False(await db.AuditEvents.AnyAsync(audit => audit.Action == CredentialService.DeletedAction));
    }

    [Fact]
    public async Task DeleteAsync_UnknownId_IsNotFound()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();

        var deleted = await domain.Service.DeleteAsync(Guid.NewGuid(), CredentialTestDomain.Actor, CancellationToken.None);

        CredentialAssert.Refused(deleted, CredentialErrorCode.NotFound);
    }

    internal static async Task AddApplicationAsync(CredentialTestDomain domain, string name, Guid? certificateId, Guid? privateKeyId)
    {
        await using var db = await domain.Domain.Contexts.CreateDbContextAsync();
        db.OAuthApplications.Add(new OAuthApplication
        {
            Name = name,
            TenantId = "contoso.test",
            ClientId = Guid.NewGuid().ToString(),
            CredentialKind = CredentialKind.Certificate,
            CertificateCredentialId = certificateId,
            PrivateKeyCredentialId = privateKeyId,
        });
        await db.SaveChangesAsync();
    }
}
