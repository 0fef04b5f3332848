using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class CredentialSigningTests
{
    private static readonly byte[] Assertion = "header.payload-of-a-client-assertion"u8.ToArray();

    [Fact]
    public async Task CheckPairAsync_StoredCertificateAndItsKey_Matches()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        var (certificateId, keyId) = await StorePairAsync(domain, TestKeyKind.Rsa2048);

        var check = await domain.Service.CheckPairAsync(certificateId, keyId, CancellationToken.None);

        Assert.True(check.Succeeded, check.Problem?.Cause);
        Assert.Null(check.Value.Warning);
    }

    [Fact]
    public async Task CheckPairAsync_StoredKeyOfAnotherCertificate_IsRefused()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        var (certificateId, _) = await StorePairAsync(domain, TestKeyKind.EcP256);
        using var otherKey = TestKeys.Create(TestKeyKind.EcP256, variant: 1);
        var other = await domain.AddPrivateKeyAsync("Other key", TestKeyFiles.Create(otherKey, TestKeyFormat.Pkcs8Pem));

        var check = await domain.Service.CheckPairAsync(certificateId, other.Id, CancellationToken.None);

        CredentialAssert.Refused(check, CredentialErrorCode.KeyDoesNotMatchCertificate, "their public keys differ");
    }

    [Fact]
    public async Task CheckPairAsync_IdsSwapped_IsRefusedAsTheWrongType()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        var (certificateId, keyId) = await StorePairAsync(domain, TestKeyKind.EcP256);

        var check = await domain.Service.CheckPairAsync(keyId, certificateId, CancellationToken.None);

        CredentialAssert.Refused(check, CredentialErrorCode.WrongCredentialType, "is a private key, not a certificate");
    }

    [Fact]
    public async Task CheckPairAsync_CertificateExpiringWithin30Days_MatchesWithAWarning()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        var (certificateId, keyId) = await StorePairAsync(domain, TestKeyKind.EcP384);
        domain.Clock.Advance(TimeSpan.FromDays(350)); // the certificate is valid for one year

        var check = await domain.Service.CheckPairAsync(certificateId, keyId, CancellationToken.None);

        Assert.True(check.Succeeded, check.Problem?.Cause);
        Assert.Equal(ExpiryStatus.ExpiringSoon, check.Value.CertificateStatus);
        Assert.Contains("expires on", check.Value.Warning);
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa2048)]
    [InlineData(TestKeyKind.Rsa3072)]
    [InlineData(TestKeyKind.EcP256)]
    [InlineData(TestKeyKind.EcP384)]
    public async Task LoadForSigningAsync_MatchingPair_GivesTheCertificateWithAKeyThatSigns(TestKeyKind kind)
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var original = TestCertificates.Create(kind);
        using var key = TestCertificates.PrivateKeyOf(original);
        var certificate = await domain.AddCertificateAsync("Entra client", TestCertificates.Pem(original));
        var privateKey = await domain.AddPrivateKeyAsync("Entra key", TestKeyFiles.Create(key, TestKeyFormat.OpenSsh));

        var loaded = await domain.Service.LoadForSigningAsync(certificate.Id, privateKey.Id, CancellationToken.None);

        Assert.True(loaded.Succeeded, loaded.Problem?.Cause);
        using var signing = loaded.Value;
        Assert.True(signing.HasPrivateKey);
        Assert.Equal(original.Thumbprint, signing.Thumbprint);
        AssertSignsVerifiably(signing, original);
    }

    [Fact]
    public async Task LoadForSigningAsync_PfxStoredWithItsKey_Signs()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var original = TestCertificates.Create(TestKeyKind.Rsa2048);
        var request = new AddCertificateRequest("Entra client", TestCertificates.Pfx(original, "pw")) { PrivateKeyName = "Entra key" };
        var added = (await domain.Service.AddCertificateAsync(request, CredentialTestDomain.Actor, CancellationToken.None)).Value!;

        var loaded = await domain.Service.LoadForSigningAsync(added.Certificate.Id, added.PrivateKey!.Id, CancellationToken.None);

        Assert.True(loaded.Succeeded, loaded.Problem?.Cause);
        using var signing = loaded.Value;
        AssertSignsVerifiably(signing, original);
    }

    [Fact]
    public async Task LoadForSigningAsync_KeyOfAnotherCertificate_IsRefused()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        var (certificateId, _) = await StorePairAsync(domain, TestKeyKind.Rsa2048);
        using var otherKey = TestKeys.Create(TestKeyKind.Rsa2048, variant: 1);
        var other = await domain.AddPrivateKeyAsync("Other key", TestKeyFiles.Create(otherKey, TestKeyFormat.TraditionalPem));

        var loaded = await domain.Service.LoadForSigningAsync(certificateId, other.Id, CancellationToken.None);

        CredentialAssert.Refused(loaded, CredentialErrorCode.KeyDoesNotMatchCertificate);
    }

    [Fact]
    public async Task LoadForSigningAsync_AfterTheCertificateExpired_IsRefused()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        var (certificateId, keyId) = await StorePairAsync(domain, TestKeyKind.EcP256);
        domain.Clock.Advance(TimeSpan.FromDays(400));

        var loaded = await domain.Service.LoadForSigningAsync(certificateId, keyId, CancellationToken.None);

        CredentialAssert.Refused(loaded, CredentialErrorCode.CertificateExpired, "expired on");
    }

    [Fact]
    public async Task LoadForSigningAsync_UnknownKey_IsNotFound()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        var (certificateId, _) = await StorePairAsync(domain, TestKeyKind.EcP256);

        var loaded = await domain.Service.LoadForSigningAsync(certificateId, Guid.NewGuid(), CancellationToken.None);

        CredentialAssert.Refused(loaded, CredentialErrorCode.NotFound);
    }

    private static async Task<(Guid CertificateId, Guid KeyId)> StorePairAsync(CredentialTestDomain domain, TestKeyKind kind)
    {
        using var certificate = TestCertificates.Create(kind);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        var storedCertificate = await domain.AddCertificateAsync("Entra client", TestCertificates.Pem(certificate));
        var storedKey = await domain.AddPrivateKeyAsync("Entra key", TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem));
        return (storedCertificate.Id, storedKey.Id);
    }

    private static void AssertSignsVerifiably(X509Certificate2 signing, X509Certificate2 original)
    {
        if (signing.GetRSAPrivateKey() is { } rsa)
        {
            using (rsa)
            {
                var signature = rsa.SignData(Assertion, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var verifier = original.GetRSAPublicKey()!;
                Assert.True(verifier.VerifyData(Assertion, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }
            return;
        }
        using var ecdsa = signing.GetECDsaPrivateKey()!;
        var ecSignature = ecdsa.SignData(Assertion, HashAlgorithmName.SHA256);
        using var ecVerifier = original.GetECDsaPublicKey()!;
        Assert.True(ecVerifier.VerifyData(Assertion, ecSignature, HashAlgorithmName.SHA256));
    }
}
