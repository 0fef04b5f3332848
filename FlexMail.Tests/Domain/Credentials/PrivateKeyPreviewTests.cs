using System.Security.Cryptography;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class PrivateKeyPreviewTests(CredentialPreviewFixture fixture) : IClassFixture<CredentialPreviewFixture>
{
    private readonly CredentialService _service = fixture.Service;

    public static TheoryData<TestKeyKind, TestKeyFormat> EveryKindInEveryFormat()
    {
        var data = new TheoryData<TestKeyKind, TestKeyFormat>();
        foreach (var kind in Enum.GetValues<TestKeyKind>())
        {
            foreach (var format in Enum.GetValues<TestKeyFormat>())
            {
                data.Add(kind, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindInEveryFormat))]
    public void PreviewPrivateKey_SupportedKeyInAnyFormat_HasTheCertificatesPublicKeyFingerprint(TestKeyKind kind, TestKeyFormat format)
    {
        using var certificate = TestCertificates.Create(kind);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        var certificatePreview = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        var preview = _service.PreviewPrivateKey(TestKeyFiles.Create(key, format));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal(TestKeys.AlgorithmName(kind), preview.Value.Key.Algorithm);
        Assert.Equal(TestKeys.SizeBits(kind), preview.Value.Key.SizeBits);
        Assert.Equal(TestKeys.Fingerprint(key), preview.Value.Key.PublicKeyFingerprint);
        Assert.Equal(certificatePreview.Value!.Key.PublicKeyFingerprint, preview.Value.Key.PublicKeyFingerprint);
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa2048, TestKeyFormat.TraditionalPem, "PEM PKCS#1 RSA private key")]
    [InlineData(TestKeyKind.EcP256, TestKeyFormat.TraditionalPem, "PEM EC private key")]
    [InlineData(TestKeyKind.EcP384, TestKeyFormat.Pkcs8Pem, "PEM PKCS#8 private key")]
    [InlineData(TestKeyKind.Rsa3072, TestKeyFormat.EncryptedPkcs8Pem, "PEM encrypted PKCS#8 private key")]
    [InlineData(TestKeyKind.EcP384, TestKeyFormat.OpenSsh, "OpenSSH private key")]
    [InlineData(TestKeyKind.Rsa2048, TestKeyFormat.Pkcs8Der, "DER PKCS#8 private key")]
    public void PreviewPrivateKey_AnyFormat_NamesTheFormatItRecognised(TestKeyKind kind, TestKeyFormat format, string expected)
    {
        using var key = TestKeys.Create(kind);

        var preview = _service.PreviewPrivateKey(TestKeyFiles.Create(key, format, "any-name.txt"));

        Assert.Equal(expected, preview.Value?.Format);
    }

    [Fact]
    public void PreviewPrivateKey_EcParametersBeforeTheKey_ReadsTheKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var text = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + key.ExportECPrivateKeyPem();

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(text, "openssl-ecparam.pem"));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal(TestKeys.Fingerprint(key), preview.Value.Key.PublicKeyFingerprint);
    }

    [Fact]
    public void PreviewPrivateKey_CertificateAndKeyInOneFile_ReadsTheKey()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        var text = certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem();

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(text, "combined.pem"));

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        Assert.Equal(TestKeys.Fingerprint(key), preview.Value.Key.PublicKeyFingerprint);
    }

    [Fact]
    public void PreviewPrivateKey_OpenSshRsa_KeySignsLikeTheOriginal()
    {
        using var original = RSA.Create(2048);
        var data = "approval-request 42"u8.ToArray();
        var upload = TestCertificates.Text(OpenSshKeyWriter.WriteRsa(original), "id_rsa");

        var preview = _service.PreviewPrivateKey(upload);

        Assert.True(preview.Succeeded, preview.Problem?.Cause);
        var parsed = PrivateKeyParser.Parse(upload).Value!;
        using var reloaded = RSA.Create();
        reloaded.ImportPkcs8PrivateKey(parsed.Pkcs8, out _);
        var signature = reloaded.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.True(original.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void PreviewPrivateKey_EncryptedKeyWithTheRightPassphrase_IsDecrypted()
    {
        using var key = TestKeys.Create(TestKeyKind.EcP256);
        var upload = TestKeyFiles.Create(key, TestKeyFormat.EncryptedPkcs8Pem);

        var preview = _service.PreviewPrivateKey(upload);

        Assert.Equal(TestKeyFiles.Passphrase, upload.Password);
        Assert.Equal(TestKeys.Fingerprint(key), preview.Value?.Key.PublicKeyFingerprint);
    }

    [Fact]
    public void CredentialUpload_ToString_ShowsNeitherThePasswordNorTheContent()
    {
        using var key = TestKeys.Create(TestKeyKind.EcP256);
        var upload = TestKeyFiles.Create(key, TestKeyFormat.EncryptedPkcs8Pem, "client.key");

        var text = upload.ToString();

        Assert.Contains("client.key", text);
        Assert.Contains("HasPassword = True", text);
        Assert.DoesNotContain(TestKeyFiles.Passphrase, text);
        Assert.DoesNotContain("BEGIN", text);
    }
}
