using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>What an upload says beyond its details: an expired certificate, an EC certificate, the other part in the same PEM.</summary>
public sealed class CredentialUploadNoticeTests(CredentialPreviewFixture fixture) : IClassFixture<CredentialPreviewFixture>
{
    private readonly CredentialService _service = fixture.Service;

    [Fact]
    public void PreviewCertificate_Expired_SaysPlainlyThatEntraIdRefusesIt()
    {
        using var certificate = TestCertificates.Create(
            TestKeys.Create(TestKeyKind.Rsa2048), TestCertificates.Now.AddYears(-2), new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));

        var preview = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        var notice = Assert.Single(preview.Value.Notices);
        Assert.StartsWith("This certificate expired on 2026-01-15: Entra ID refuses it.", notice);
    }

    [Fact]
    public void PreviewCertificate_ValidRsaCertificateAlone_HasNoNotice()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);

        var preview = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        Assert.Empty(preview.Value!.Notices);
    }

    [Fact]
    public void PreviewCertificate_EcCertificate_SaysEntraIdSignsInOnlyWithRsa()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);

        var preview = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        Assert.Contains(preview.Value!.Notices, notice => notice.Contains("EC P-256 key") && notice.Contains("Entra ID signs in only with RSA"));
    }

    [Fact]
    public void PreviewCertificate_PemWithCertificateAndPrivateKey_SaysTheKeyMustBeUploadedAsAPrivateKeyToo()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);

        var preview = _service.PreviewCertificate(CombinedPem(certificate, "combined.pem"));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal([CertificateDetails.AlsoHoldsPrivateKeyNotice], preview.Value.Notices);
        Assert.Contains("upload the same file with Upload Private Key too", CertificateDetails.AlsoHoldsPrivateKeyNotice);
    }

    [Fact]
    public void PreviewPrivateKey_PemWithCertificateAndPrivateKey_SaysItAlsoHoldsACertificate()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);

        var preview = _service.PreviewPrivateKey(CombinedPem(certificate, "combined.pem"));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal([PrivateKeyDetails.AlsoHoldsCertificateNotice], preview.Value.Notices);
        Assert.Contains("also holds a certificate", PrivateKeyDetails.AlsoHoldsCertificateNotice);
    }

    [Fact]
    public void PreviewPrivateKey_KeyAlone_HasNoNotice()
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);

        var preview = _service.PreviewPrivateKey(TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem));

        Assert.Empty(preview.Value!.Notices);
    }

    [Fact]
    public async Task AddCertificate_Expired_SaysSoInTheResult()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(
            TestKeys.Create(TestKeyKind.Rsa2048), TestCertificates.Now.AddYears(-2), TestCertificates.Now.AddDays(-3));

        var added = await domain.Service.AddCertificateAsync(
            new AddCertificateRequest("Old client", TestCertificates.Pem(certificate)), CredentialTestDomain.Actor, CancellationToken.None);

        Assert.True(added.Succeeded, added.Problem?.Cause);
        Assert.Contains(added.Value.Notices, notice => notice.StartsWith("This certificate expired on 2026-02-26: Entra ID refuses it.", StringComparison.Ordinal));
    }

    /// <summary>A PEM file holding the certificate followed by its private key, as OpenSSL's <c>-nodes</c> exports write it.</summary>
    internal static CredentialUpload CombinedPem(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string fileName)
    {
        using var key = TestCertificates.PrivateKeyOf(certificate);
        return TestCertificates.Text(certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n", fileName);
    }
}
