using System.Formats.Asn1;
using System.Security.Cryptography;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class PrivateKeyUploadErrorTests(CredentialPreviewFixture fixture) : IClassFixture<CredentialPreviewFixture>
{
    public const string PuttyFile =
        "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: rsa-key-20260301\nPublic-Lines: 1\n" +
        "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7\nPrivate-Lines: 1\nAAABAFv3\nPrivate-MAC: 4f1c2a\n";

    private readonly CredentialService _service = fixture.Service;

    [Fact]
    public void PreviewPrivateKey_EmptyFile_IsRefusedAsEmpty()
    {
        var preview = _service.PreviewPrivateKey(new CredentialUpload("client.key", []));

        CredentialAssert.Refused(preview, CredentialErrorCode.EmptyFile, "'client.key' is empty", "private key");
    }

    [Fact]
    public void PreviewPrivateKey_TooLarge_IsRefusedAsTooLarge()
    {
        var preview = _service.PreviewPrivateKey(new CredentialUpload("client.key", new byte[100_000]));

        CredentialAssert.Refused(preview, CredentialErrorCode.FileTooLarge, "100,000 bytes");
    }

    [Fact]
    public void PreviewPrivateKey_RandomBinary_IsRefusedListingTheKeyFormats()
    {
        var noise = RandomNumberGenerator.GetBytes(1200);
        noise[0] = 0x7F;

        var preview = _service.PreviewPrivateKey(new CredentialUpload("client.key", noise));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnrecognisedContent, "not a private key",
            "BEGIN PRIVATE KEY", "BEGIN OPENSSH PRIVATE KEY");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PreviewPrivateKey_Certificate_IsRefusedSayingItIsACertificate(bool pem)
    {
        using var certificate = TestCertificates.Create(TestKeyKind.Rsa2048);
        var upload = pem ? TestCertificates.Pem(certificate, "client.key") : TestCertificates.Der(certificate, "client.key");

        var preview = _service.PreviewPrivateKey(upload);

        CredentialAssert.Refused(preview, CredentialErrorCode.NotAPrivateKey, "'client.key' is a certificate, not a private key",
            "upload it as a certificate");
    }

    [Fact]
    public void PreviewPrivateKey_Pfx_IsRefusedPointingToTheCertificateUpload()
    {
        using var certificate = TestCertificates.Create(TestKeyKind.EcP256);

        var preview = _service.PreviewPrivateKey(TestCertificates.Pfx(certificate, "pw"));

        CredentialAssert.Refused(preview, CredentialErrorCode.NotAPrivateKey, "PKCS#12", "Upload it as a certificate");
    }

    [Fact]
    public void PreviewPrivateKey_PublicKeyPem_IsRefusedAsAPublicKey()
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(key.ExportSubjectPublicKeyInfoPem(), "client.pub.pem"));

        CredentialAssert.Refused(preview, CredentialErrorCode.NotAPrivateKey, "is a public key, not a private key");
    }

    [Fact]
    public void PreviewPrivateKey_SshPublicKeyLine_IsRefusedPointingToThePrivateKeyFile()
    {
        var preview = _service.PreviewPrivateKey(TestCertificates.Text("ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB deploy@host\n", "id_rsa.pub"));

        CredentialAssert.Refused(preview, CredentialErrorCode.NotAPrivateKey, "SSH public key (.pub)", "without .pub");
    }

    [Fact]
    public void PreviewPrivateKey_EncryptedKeyWithoutPassphrase_AsksForThePassphrase()
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);
        var upload = TestKeyFiles.Create(key, TestKeyFormat.EncryptedPkcs8Pem) with { Password = null };

        var preview = _service.PreviewPrivateKey(upload);

        CredentialAssert.Refused(preview, CredentialErrorCode.PassphraseRequired, "encrypted private key", "Enter its passphrase");
    }

    [Fact]
    public void PreviewPrivateKey_EncryptedKeyWithWrongPassphrase_SaysThePassphraseIsWrong()
    {
        using var key = TestKeys.Create(TestKeyKind.EcP384);
        var upload = TestKeyFiles.Create(key, TestKeyFormat.EncryptedPkcs8Pem) with { Password = "wrong passphrase" };

        var preview = _service.PreviewPrivateKey(upload);

        CredentialAssert.Refused(preview, CredentialErrorCode.WrongPassphrase, "The passphrase does not open 'client.key'");
    }

    [Fact]
    public void PreviewPrivateKey_PuttyKey_SaysHowToConvertIt()
    {
        var preview = _service.PreviewPrivateKey(TestCertificates.Text(PuttyFile, "client.ppk"));

        CredentialAssert.Refused(preview, CredentialErrorCode.PuttyKey, "PuTTY private key (.ppk)",
            "puttygen key.ppk -O private-openssh -o key.pem", "Conversions → Export OpenSSH key");
    }

    [Fact]
    public void PreviewPrivateKey_EncryptedOpenSshKey_SaysHowToResaveItAsPkcs8()
    {
        using var key = RSA.Create(2048);

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(OpenSshKeyWriter.WriteEncrypted(key), "id_rsa"));

        CredentialAssert.Refused(preview, CredentialErrorCode.EncryptedOpenSshKey, "protected by a passphrase",
            "ssh-keygen -p -m PKCS8 -f key", "with its passphrase");
    }

    [Fact]
    public void PreviewPrivateKey_OpenSshEd25519_IsRefusedListingTheSupportedAlgorithms()
    {
        var preview = _service.PreviewPrivateKey(TestCertificates.Text(OpenSshKeyWriter.WriteEd25519(), "id_ed25519"));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "Ed25519",
            "RSA (2048 bits or more), EC P-256 and EC P-384");
    }

    [Fact]
    public void PreviewPrivateKey_OpenSshP521_IsRefusedNamingTheCurve()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(OpenSshKeyWriter.WriteEcdsa(key), "id_ecdsa"));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "EC P-521");
    }

    [Fact]
    public void PreviewPrivateKey_Pkcs8Ed25519_IsRefusedNamingTheAlgorithm()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.3.101.112");
            }
            var inner = new AsnWriter(AsnEncodingRules.DER);
            inner.WriteOctetString(RandomNumberGenerator.GetBytes(32));
            writer.WriteOctetString(inner.Encode());
        }
        var pem = PemEncoding.WriteString("PRIVATE KEY", writer.Encode());

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(pem, "ed25519.pem"));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "is Ed25519");
    }

    [Theory]
    [InlineData(TestKeyFormat.TraditionalPem)]
    [InlineData(TestKeyFormat.OpenSsh)]
    public void PreviewPrivateKey_Rsa1024_IsRefusedNamingTheSize(TestKeyFormat format)
    {
        using var key = RSA.Create(1024);

        var preview = _service.PreviewPrivateKey(TestKeyFiles.Create(key, format));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "RSA 1024-bit");
    }

    [Fact]
    public void PreviewPrivateKey_EcP521Pkcs8_IsRefusedNamingTheCurve()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);

        var preview = _service.PreviewPrivateKey(TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "EC P-521");
    }

    [Fact]
    public void PreviewPrivateKey_DsaKey_IsRefusedAsUnsupported()
    {
        var text = "-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQCi\n-----END DSA PRIVATE KEY-----\n";

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(text, "dsa.key"));

        CredentialAssert.Refused(preview, CredentialErrorCode.UnsupportedAlgorithm, "is DSA");
    }

    [Fact]
    public void PreviewPrivateKey_LegacyOpenSslEncryption_SaysHowToConvertToPkcs8()
    {
        var text = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,0123456789ABCDEF0123456789ABCDEF\n\n" +
            "c2VjcmV0IHN0dWZm\n-----END RSA PRIVATE KEY-----\n";

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(text, "legacy.key"));

        CredentialAssert.Refused(preview, CredentialErrorCode.LegacyEncryptedPem, "Proc-Type: 4,ENCRYPTED", "openssl pkcs8 -topk8");
    }

    [Fact]
    public void PreviewPrivateKey_DamagedBase64_IsRefusedAsCorruptPem()
    {
        using var key = TestKeys.Create(TestKeyKind.EcP256);
        var pem = key.ExportPkcs8PrivateKeyPem();

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(pem.Replace("\n", "\n#", StringComparison.Ordinal), "client.key"));

        CredentialAssert.Refused(preview, CredentialErrorCode.CorruptPem, "-----BEGIN PRIVATE KEY-----");
    }

    [Fact]
    public void PreviewPrivateKey_TruncatedOpenSshKey_IsRefusedAsDamaged()
    {
        using var key = RSA.Create(2048);
        var pem = OpenSshKeyWriter.WriteRsa(key);
        var blob = Convert.FromBase64String(string.Concat(pem.Split('\n')[1..^2]));

        var preview = _service.PreviewPrivateKey(TestCertificates.Text(OpenSshKeyWriter.Armour(blob[..(blob.Length / 2)]), "id_rsa"));

        CredentialAssert.Refused(preview, CredentialErrorCode.DamagedContent, "OpenSSH private key", "damaged");
    }
}
