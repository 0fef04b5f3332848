using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class CertificatePreviewTests(CredentialPreviewFixture fixture) : IClassFixture<CredentialPreviewFixture>
{
    private readonly CredentialService _service = fixture.Service;

    [Theory]
    [InlineData(TestKeyKind.Rsa2048)]
    [InlineData(TestKeyKind.Rsa3072)]
    [InlineData(TestKeyKind.EcP256)]
    [InlineData(TestKeyKind.EcP384)]
    public void PreviewCertificate_Pem_ReadsKeyAlgorithmSizeAndFingerprint(TestKeyKind kind)
    {
        using var certificate = TestCertificates.Create(kind);

        var preview = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal(TestKeys.AlgorithmName(kind), preview.Value.Key.Algorithm);
        Assert.Equal(TestKeys.SizeBits(kind), preview.Value.Key.SizeBits);
        using var publicKey = (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey()!;
        Assert.Equal(TestKeys.Fingerprint(publicKey), preview.Value.Key.PublicKeyFingerprint);
        Assert.Equal("PEM certificate", preview.Value.Format);
        Assert.False(preview.Value.ContainsPrivateKey);
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa2048)]
    [InlineData(TestKeyKind.Rsa3072)]
    [InlineData(TestKeyKind.EcP256)]
    [InlineData(TestKeyKind.EcP384)]
    public void PreviewCertificate_Der_ReadsTheSameDetailsAsPem(TestKeyKind kind)
    {
        using var certificate = TestCertificates.Create(kind);

        var der = _service.PreviewCertificate(TestCertificates.Der(certificate));
        var pem = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        Assert.True(der.Succeeded, der.Problem?.Cause);
        Assert.Equal("DER certificate", der.Value.Format);
        Assert.Equal(pem.Value! with { Format = der.Value.Format }, der.Value);
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa2048)]
    [InlineData(TestKeyKind.Rsa3072)]
    [InlineData(TestKeyKind.EcP256)]
    [InlineData(TestKeyKind.EcP384)]
    public void PreviewCertificate_PfxWithPassword_ReadsDetailsAndReportsThePrivateKey(TestKeyKind kind)
    {
        using var certificate = TestCertificates.Create(kind);

        var preview = _service.PreviewCertificate(TestCertificates.Pfx(certificate, "pfx-Passw0rd!"));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal("PKCS#12", preview.Value.Format);
        Assert.True(preview.Value.ContainsPrivateKey);
        Assert.Equal(certificate.Thumbprint, preview.Value.Thumbprints.Sha1Hex);
        Assert.Equal(TestKeys.AlgorithmName(kind), preview.Value.Key.Algorithm);
    }

    [Fact]
    public void PreviewCertificate_PfxWithoutPassword_IsReadWithoutOne()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);

        var preview = _service.PreviewCertificate(TestCertificates.Pfx(certificate, password: null));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.True(preview.Value.ContainsPrivateKey);
    }

    [Fact]
    public void PreviewCertificate_PfxHoldingOnlyTheCertificate_ReportsNoPrivateKey()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);

        var preview = _service.PreviewCertificate(TestCertificates.PfxWithoutKey(certificate, "secret"));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.False(preview.Value.ContainsPrivateKey);
        Assert.Equal(certificate.Thumbprint, preview.Value.Thumbprints.Sha1Hex);
    }

    [Fact]
    public void PreviewCertificate_Pem_ShowsSubjectIssuerSerialAndValidity()
    {
        var notBefore = TestCertificates.Now.AddDays(-10);
        var notAfter = TestCertificates.Now.AddDays(200);
        using var certificate = TestCertificates.Create(TestKeys.Create(TestKeyKind.Rsa2048), notBefore, notAfter);

        var preview = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal(certificate.Subject, preview.Value.Subject);
        Assert.Contains("CN=FlexMail Entra client", preview.Value.Subject);
        Assert.Equal(preview.Value.Subject, preview.Value.Issuer); // self-signed
        Assert.Equal(certificate.SerialNumber, preview.Value.SerialNumber);
        Assert.Matches("^[0-9A-F]+$", preview.Value.SerialNumber);
        Assert.Equal(notBefore, preview.Value.NotBefore);
        Assert.Equal(notAfter, preview.Value.NotAfter);
        Assert.Equal(ExpiryStatus.Valid, preview.Value.ExpiryStatus);
    }

    [Fact]
    public void PreviewCertificate_Pem_GivesThumbprintsInHexAndAsX5tAsEntraIdShowsThem()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var sha1 = SHA1.HashData(certificate.RawData);
        var sha256 = SHA256.HashData(certificate.RawData);

        var thumbprints = _service.PreviewCertificate(TestCertificates.Pem(certificate)).Value!.Thumbprints;

        Assert.Equal(Convert.ToHexString(sha1), thumbprints.Sha1Hex);
        Assert.Equal(Convert.ToHexString(sha256), thumbprints.Sha256Hex);
        Assert.Equal(certificate.Thumbprint, thumbprints.Sha1Hex);
        Assert.Equal(Base64Url.EncodeToString(sha1), thumbprints.X5t);
        Assert.Equal(Base64Url.EncodeToString(sha256), thumbprints.X5tS256);
        Assert.Equal(27, thumbprints.X5t.Length); // 20 bytes, base64url without padding
        Assert.DoesNotContain('=', thumbprints.X5tS256);
    }

    [Fact]
    public void PreviewCertificate_FileNameSaysOtherwise_IsRecognisedByContent()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP384);

        var derNamedPem = _service.PreviewCertificate(TestCertificates.Der(certificate, "looks-like.pem"));
        var pemNamedCer = _service.PreviewCertificate(TestCertificates.Pem(certificate, "looks-like.cer"));
        var pfxNamedCrt = _service.PreviewCertificate(TestCertificates.Pfx(certificate, "x", "looks-like.crt"));

        Assert.Equal("DER certificate", derNamedPem.Value?.Format);
        Assert.Equal("PEM certificate", pemNamedCer.Value?.Format);
        Assert.Equal("PKCS#12", pfxNamedCrt.Value?.Format);
    }

    [Fact]
    public void PreviewCertificate_PemChainWithBomAndCrLf_ReadsTheFirstCertificate()
    {
        using var leaf = TestCertificates.Create(TestKeyKind.Rsa2048);
        using var other = TestCertificates.Create(TestKeyKind.EcP256);
        var text = "\uFEFF" + (leaf.ExportCertificatePem() + "\n" + other.ExportCertificatePem()).Replace("\n", "\r\n");

        var preview = _service.PreviewCertificate(new CredentialUpload("chain.pem", Encoding.UTF8.GetBytes(text)));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal(leaf.Thumbprint, preview.Value.Thumbprints.Sha1Hex);
    }

    [Fact]
    public void PreviewCertificate_PemWithKeyBeforeCertificate_ReadsTheCertificate()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        var text = key.ExportPkcs8PrivateKeyPem() + "\n" + certificate.ExportCertificatePem();

        var preview = _service.PreviewCertificate(TestCertificates.Text(text, "combined.pem"));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal(certificate.Thumbprint, preview.Value.Thumbprints.Sha1Hex);
    }
}
