using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class CredentialPairingTests(CredentialPreviewFixture fixture) : IClassFixture<CredentialPreviewFixture>
{
    private readonly CredentialService _service = fixture.Service;

    [Theory]
    [InlineData(TestKeyKind.Rsa2048, TestKeyFormat.TraditionalPem)]
    [InlineData(TestKeyKind.Rsa3072, TestKeyFormat.OpenSsh)]
    [InlineData(TestKeyKind.EcP256, TestKeyFormat.EncryptedPkcs8Pem)]
    [InlineData(TestKeyKind.EcP384, TestKeyFormat.Pkcs8Pem)]
    public void Check_CertificateAndItsOwnKey_Matches(TestKeyKind kind, TestKeyFormat keyFormat)
    {
        using var certificate = TestCertificates.Create(kind);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        var certificateDetails = _service.PreviewCertificate(TestCertificates.Der(certificate)).Value!;
        var keyDetails = _service.PreviewPrivateKey(TestKeyFiles.Create(key, keyFormat)).Value!;

        var check = CredentialPairing.Check(certificateDetails, keyDetails, TestCertificates.Now);

        Assert.True(check.Succeeded, check.Problem?.Cause);
        Assert.Equal(ExpiryStatus.Valid, check.Value.CertificateStatus);
        Assert.Null(check.Value.Warning);
        Assert.Contains("belongs to this certificate", check.Value.Message);
    }

    [Theory]
    [InlineData(TestKeyKind.Rsa2048, TestKeyKind.Rsa2048)]
    [InlineData(TestKeyKind.EcP256, TestKeyKind.EcP256)]
    [InlineData(TestKeyKind.Rsa2048, TestKeyKind.EcP384)]
    public void Check_KeyOfAnotherCertificate_IsRefusedBecauseThePublicKeysDiffer(TestKeyKind certificateKind, TestKeyKind keyKind)
    {
        using var certificate = TestCertificates.Create(certificateKind, variant: 0);
        using var otherKey = TestKeys.Create(keyKind, variant: 1);
        var certificateDetails = _service.PreviewCertificate(TestCertificates.Pem(certificate)).Value!;
        var keyDetails = _service.PreviewPrivateKey(TestKeyFiles.Create(otherKey, TestKeyFormat.Pkcs8Pem)).Value!;

        var check = CredentialPairing.Check(certificateDetails, keyDetails, TestCertificates.Now);

        CredentialAssert.Refused(check, CredentialErrorCode.KeyDoesNotMatchCertificate,
            "the private key does not belong to this certificate: their public keys differ");
    }

    [Fact]
    public void Check_ExpiredCertificate_IsRefusedEvenWhenTheKeyMatches()
    {
        var (certificate, key) = PreviewPair(TestCertificates.Now.AddYears(-2), TestCertificates.Now.AddDays(-1));

        var check = CredentialPairing.Check(certificate, key, TestCertificates.Now);

        CredentialAssert.Refused(check, CredentialErrorCode.CertificateExpired, "expired on", "Entra ID refuses expired certificates");
    }

    [Fact]
    public void Check_CertificateExpiringWithin30Days_MatchesWithAWarning()
    {
        var (certificate, key) = PreviewPair(TestCertificates.Now.AddYears(-1), TestCertificates.Now.AddDays(12));

        var check = CredentialPairing.Check(certificate, key, TestCertificates.Now);

        Assert.True(check.Succeeded, check.Problem?.Cause);
        Assert.Equal(ExpiryStatus.ExpiringSoon, check.Value.CertificateStatus);
        Assert.NotNull(check.Value.Warning);
        Assert.Contains("in 12 days", check.Value.Warning);
    }

    [Fact]
    public void Check_CertificateNotValidYet_MatchesWithAWarning()
    {
        var (certificate, key) = PreviewPair(TestCertificates.Now.AddDays(2), TestCertificates.Now.AddYears(1));

        var check = CredentialPairing.Check(certificate, key, TestCertificates.Now);

        Assert.True(check.Succeeded, check.Problem?.Cause);
        Assert.Equal(ExpiryStatus.NotYetValid, check.Value.CertificateStatus);
        Assert.Contains("valid only from", check.Value.Warning);
    }

    private (CertificateDetails Certificate, PrivateKeyDetails Key) PreviewPair(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var certificate = TestCertificates.Create(TestKeys.Create(TestKeyKind.EcP256), notBefore, notAfter);
        using var key = TestCertificates.PrivateKeyOf(certificate);
        return (_service.PreviewCertificate(TestCertificates.Pem(certificate)).Value!,
            _service.PreviewPrivateKey(TestKeyFiles.Create(key, TestKeyFormat.Pkcs8Pem)).Value!);
    }
}
