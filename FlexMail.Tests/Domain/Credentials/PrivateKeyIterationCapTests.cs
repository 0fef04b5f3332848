using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

/// <summary>
/// An encrypted PKCS#8 key whose PBKDF2 iteration count would keep a core busy for minutes is refused before decrypting.
/// The hostile files are built as ASN.1 only (nothing is encrypted with that many iterations).
/// </summary>
public sealed class PrivateKeyIterationCapTests(CredentialPreviewFixture fixture) : IClassFixture<CredentialPreviewFixture>
{
    private const int HostileCount = 268_435_456;

    private readonly CredentialService _service = fixture.Service;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PreviewPrivateKey_IterationCountAboveTheCap_IsRefusedQuicklySayingWhatToDo(bool pbes1)
    {
        var upload = Pem(pbes1 ? Pbes1Key(HostileCount) : Pbes2Key(HostileCount));
        var clock = Stopwatch.StartNew();

        var preview = _service.PreviewPrivateKey(upload);

        clock.Stop();
        CredentialAssert.Refused(preview, CredentialErrorCode.TooManyIterations, "268,435,456", "at most 2,000,000",
            "Export the key again", "-iter 600000");
        // 268 million PBKDF2 iterations take minutes; reading the ASN.1 takes milliseconds (generous bound for a busy machine).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Took {clock.Elapsed}.");
    }

    [Fact]
    public void PreviewPrivateKey_IterationCountAboveTheCapWithoutPassphrase_IsRefusedForTheCountFirst()
    {
        var upload = Pem(Pbes2Key(PbeIterationCount.Maximum + 1)) with { Password = null };

        var preview = _service.PreviewPrivateKey(upload);

        CredentialAssert.Refused(preview, CredentialErrorCode.TooManyIterations, "2,000,001");
    }

    [Fact]
    public async Task AddPrivateKeyAsync_IterationCountAboveTheCap_IsRefusedAndNothingIsStored()
    {
        var result = await _service.AddPrivateKeyAsync(new AddPrivateKeyRequest("Hostile key", Pem(Pbes2Key(HostileCount))),
            FlexMail.Tests.Support.TestActors.Admin, CancellationToken.None);

        CredentialAssert.Refused(result, CredentialErrorCode.TooManyIterations, "268,435,456");
    }

    [Fact]
    public void PreviewPrivateKey_CancelledBeforeDecrypting_Throws()
    {
        using var key = TestKeys.Create(TestKeyKind.Rsa2048);
        var upload = TestKeyFiles.Create(key, TestKeyFormat.EncryptedPkcs8Pem);

        Assert.Throws<OperationCanceledException>(() => _service.PreviewPrivateKey(upload, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(PbeEncryptionAlgorithm.Aes256Cbc, 2048)]
    [InlineData(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, 2000)]
    public void Read_KeyWrittenByDotNet_IsItsIterationCount(PbeEncryptionAlgorithm algorithm, int iterations)
    {
        using var key = RSA.Create(2048);
        var hash = algorithm == PbeEncryptionAlgorithm.TripleDes3KeyPkcs12 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        var encrypted = key.ExportEncryptedPkcs8PrivateKey("pass", new PbeParameters(algorithm, hash, iterations));

        Assert.Equal(iterations, PbeIterationCount.Read(encrypted));
    }

    [Fact]
    public void PreviewCertificate_PfxWithAMacIterationCountAboveTheCap_IsRefusedQuicklySayingWhatToDo()
    {
        using var key = RSA.Create(2048);
        using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=hostile", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        var pfx = WithMacIterations(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "pfx password"), HostileCount);
        var clock = Stopwatch.StartNew();

        var preview = _service.PreviewCertificate(new CredentialUpload("hostile.pfx", pfx, "pfx password"));

        clock.Stop();
        CredentialAssert.Refused(preview, CredentialErrorCode.TooManyIterations, "268,435,456", "at most 2,000,000", "Export the file again");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Took {clock.Elapsed}.");
    }

    /// <summary>The same PKCS#12 file with its MAC's iteration count replaced (the MAC no longer verifies: it is refused before that).</summary>
    private static byte[] WithMacIterations(byte[] pfx, int iterations)
    {
        var sequence = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        var version = sequence.ReadInteger();
        var authSafe = sequence.ReadEncodedValue();
        var macData = sequence.ReadSequence();
        var mac = macData.ReadEncodedValue();
        var salt = macData.ReadEncodedValue();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(version);
            writer.WriteEncodedValue(authSafe.Span);
            using (writer.PushSequence())
            {
                writer.WriteEncodedValue(mac.Span);
                writer.WriteEncodedValue(salt.Span);
                writer.WriteInteger(iterations);
            }
        }
        return writer.Encode();
    }

    private static CredentialUpload Pem(byte[] der) =>
        new("hostile.key", Encoding.ASCII.GetBytes(PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", der)), "passphrase");

    /// <summary>PBES2 with PBKDF2 (HMAC-SHA256) and AES-256-CBC, as OpenSSL writes it, with random "ciphertext".</summary>
    private static byte[] Pbes2Key(int iterations)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.113549.1.5.13");
                using (writer.PushSequence())
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("1.2.840.113549.1.5.12");
                        using (writer.PushSequence())
                        {
                            writer.WriteOctetString(RandomNumberGenerator.GetBytes(16));
                            writer.WriteInteger(iterations);
                            using (writer.PushSequence())
                            {
                                writer.WriteObjectIdentifier("1.2.840.113549.2.9");
                                writer.WriteNull();
                            }
                        }
                    }
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("2.16.840.1.101.3.4.1.42");
                        writer.WriteOctetString(RandomNumberGenerator.GetBytes(16));
                    }
                }
            }
            writer.WriteOctetString(RandomNumberGenerator.GetBytes(1232));
        }
        return writer.Encode();
    }

    /// <summary>pbeWithSHAAnd3-KeyTripleDES-CBC (PKCS#12 PBE), whose parameters are salt and count.</summary>
    private static byte[] Pbes1Key(int iterations)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.113549.1.12.1.3");
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(RandomNumberGenerator.GetBytes(8));
                    writer.WriteInteger(iterations);
                }
            }
            writer.WriteOctetString(RandomNumberGenerator.GetBytes(1232));
        }
        return writer.Encode();
    }
}
