using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class CertificateUploadErrorTests(CredentialPreviewFixture fixture) : IClassFixture<CredentialPreviewFixture>
{
    private readonly CredentialService _service = fixture.Service;

    [Fact]
    public void PreviewCertificate_EmptyFile_IsRefusedAsEmpty()
    {
        var preview = _service.PreviewCertificate(new CredentialUpload("client.crt", []));

        CredentialAssert.Refused(preview, CredentialErrorCode.EmptyFile, "'client.crt' is empty", "certificate");
    }

    [Fact]
    public void PreviewCertificate_OnlyBlankLines_IsRefusedAsEmpty()
    {
        var preview = _service.PreviewCertificate(TestCertificates.Text(" \r\n\t\n", "client.crt"));

        CredentialAssert.Refused(preview, CredentialErrorCode.EmptyFile);
    }

    [Fact]
    public void PreviewCertificate_OneByteOver64KiB_IsRefusedAsTooLarge()
    {
        var preview = _service.PreviewCertificate(new CredentialUpload("bundle.pem", new byte[64 * 1024 + 1]));

        CredentialAssert.Refused(preview, CredentialErrorCode.FileTooLarge, "65,537 bytes", "64 KiB");
    }

    [Fact]
    public void PreviewCertificate_Exactly64KiBOfNoise_IsNotTooLargeButUnrecognised()
    {
        var noise = RandomNumberGenerator.GetBytes(64 * 1024);
        noise[0] = 0x01;

        var preview = _service.PreviewCertificate(new CredentialUpload("noise.cer", noise));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnrecognisedContent, "'noise.cer'", "BEGIN CERTIFICATE", ".pfx");
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x30)] // starts like DER, but is not
    public void PreviewCertificate_RandomBinary_IsRefusedAsUnrecognised(byte firstByte)
    {
        var noise = RandomNumberGenerator.GetBytes(700);
        noise[0] = firstByte;

        var preview = _service.PreviewCertificate(new CredentialUpload("random.bin", noise));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnrecognisedContent, "not a certificate");
    }

    [Fact]
    public void PreviewCertificate_PlainText_IsRefusedAsUnrecognised()
    {
        var preview = _service.PreviewCertificate(TestCertificates.Text("Thumbprint: 0A1B2C\nExpires: 2027\n", "notes.txt"));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnrecognisedContent, "'notes.txt'");
    }

    [Fact]
    public void PreviewCertificate_UnknownPemBlock_IsRefusedNamingTheBlock()
    {
        var text = "-----BEGIN PKCS7-----\nMIIBBgYJKoZIhvcNAQcCoIIB9zCCAfMCAQE=\n-----END PKCS7-----\n";

        var preview = _service.PreviewCertificate(TestCertificates.Text(text, "bundle.p7b"));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnrecognisedContent, "-----BEGIN PKCS7-----");
    }

    [Theory]
    [InlineData(TestKeyFormat.TraditionalPem)]
    [InlineData(TestKeyFormat.Pkcs8Pem)]
    [InlineData(TestKeyFormat.EncryptedPkcs8Pem)]
    [InlineData(TestKeyFormat.OpenSsh)]
    [InlineData(TestKeyFormat.Pkcs8Der)]
    public void PreviewCertificate_PrivateKeyFile_IsRefusedSayingItIsAPrivateKey(TestKeyFormat format)
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);

        var preview = _service.PreviewCertificate(TestKeyFiles.Create(key, format, "client.key"));

        CredentialAssert.Refused(preview, CredentialErrorCode.NotACertificate, "'client.key' is a private key, not a certificate",
            "upload it as a private key");
    }

    [Fact]
    public void PreviewCertificate_PuttyKey_IsRefusedAsAPrivateKey()
    {
        var preview = _service.PreviewCertificate(TestCertificates.Text(PrivateKeyUploadErrorTests.PuttyFile, "client.ppk"));

        CredentialAssert.Refused(preview, CredentialErrorCode.NotACertificate, "private key, not a certificate");
    }

    [Fact]
    public void PreviewCertificate_PublicKey_IsRefusedAsABarePublicKey()
    {
        using var key = TestKeys.Create(TestKeyKind.EcP256);

        var preview = _service.PreviewCertificate(TestCertificates.Text(key.ExportSubjectPublicKeyInfoPem(), "public.pem"));

        CredentialAssert.Refused(preview, CredentialErrorCode.NotACertificate, "bare public key");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PreviewCertificate_SigningRequest_IsRefusedAsACsr(bool pem)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(TestCertificates.Subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var upload = pem
            ? TestCertificates.Text(request.CreateSigningRequestPem(), "client.csr")
            : new CredentialUpload("client.csr", request.CreateSigningRequest());

        var preview = _service.PreviewCertificate(upload);

        CredentialAssert.Refused(preview, CredentialErrorCode.NotACertificate, "certificate signing request (CSR)");
    }

    [Fact]
    public void PreviewCertificate_DamagedBase64InPem_IsRefusedAsCorruptPem()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var pem = certificate.ExportCertificatePem();
        var damaged = pem[..100] + "*%" + pem[102..];

        var preview = _service.PreviewCertificate(TestCertificates.Text(damaged, "client.crt"));

        CredentialAssert.Refused(preview, CredentialErrorCode.CorruptPem, "-----BEGIN CERTIFICATE-----", "'client.crt'", "damaged");
    }

    [Fact]
    public void PreviewCertificate_PemCutOffBeforeTheEndLine_IsRefusedAsCorruptPem()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);
        var pem = certificate.ExportCertificatePem();

        var preview = _service.PreviewCertificate(TestCertificates.Text(pem[..(pem.Length / 2)], "client.crt"));

        CredentialAssert.Refused(preview, CredentialErrorCode.CorruptPem, "cut off");
    }

    [Fact]
    public void PreviewCertificate_CertificateShapedButInvalidDer_IsRefusedAsDamaged()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    writer.WriteInteger(2);
                }
                writer.WriteInteger(7);
            }
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.113549.1.1.11");
            }
            writer.WriteBitString([1, 2, 3]);
        }

        var preview = _service.PreviewCertificate(new CredentialUpload("client.cer", writer.Encode()));

        CredentialAssert.Refused(preview, CredentialErrorCode.DamagedContent, "'client.cer' looks like a certificate");
    }

    [Fact]
    public void PreviewCertificate_PasswordProtectedPfxWithoutPassword_AsksForThePassword()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var upload = TestCertificates.Pfx(certificate, "pfx-Passw0rd!") with { Password = null };

        var preview = _service.PreviewCertificate(upload);

        CredentialAssert.Refused(preview, CredentialErrorCode.PfxPasswordRequired, "password-protected", "Enter the password");
    }

    [Fact]
    public void PreviewCertificate_PfxWithWrongPassword_SaysThePasswordIsWrong()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP384);
        var upload = TestCertificates.Pfx(certificate, "pfx-Passw0rd!") with { Password = "pfx-passw0rd!" };

        var preview = _service.PreviewCertificate(upload);

        CredentialAssert.Refused(preview, CredentialErrorCode.WrongPfxPassword, "The password does not open 'client.pfx'");
    }

    [Fact]
    public void PreviewCertificate_Rsa1024_IsRefusedAsUnsupportedNamingTheKey()
    {
        using var certificate = TestCertificates.Create(RSA.Create(1024), TestCertificates.Now, TestCertificates.Now.AddYears(1));

        var preview = _service.PreviewCertificate(TestCertificates.Pem(certificate));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "RSA 1024-bit", KeyAlgorithms.SupportedList);
    }

    [Fact]
    public void PreviewCertificate_EcP521_IsRefusedAsUnsupportedNamingTheCurve()
    {
        using var certificate = TestCertificates.Create(
            ECDsa.Create(ECCurve.NamedCurves.nistP521), TestCertificates.Now, TestCertificates.Now.AddYears(1));

        var preview = _service.PreviewCertificate(TestCertificates.Der(certificate));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "EC P-521", "EC P-256 and EC P-384");
    }
}
