using FlexMail.Domain.Credentials;

namespace FlexMail.Tests.Domain.Credentials;

public sealed class CertificateExpiryTests
{
    private static readonly DateTimeOffset NotBefore = TestCertificates.Now.AddYears(-1);
    private static readonly DateTimeOffset NotAfter = TestCertificates.Now.AddDays(60);

    [Theory]
    [InlineData(0, ExpiryStatus.Valid)]
    [InlineData(29, ExpiryStatus.Valid)]
    [InlineData(30, ExpiryStatus.ExpiringSoon)]
    [InlineData(59, ExpiryStatus.ExpiringSoon)]
    [InlineData(60, ExpiryStatus.ExpiringSoon)]
    [InlineData(61, ExpiryStatus.Expired)]
    public void Evaluate_DaysAfterNow_GivesTheStatus(int daysLater, ExpiryStatus expected)
    {
        var status = CertificateExpiry.Evaluate(NotBefore, NotAfter, TestCertificates.Now.AddDays(daysLater));

        Assert.Equal(expected, status);
    }

    [Fact]
    public void Evaluate_BeforeNotBefore_IsNotYetValid()
    {
        var status = CertificateExpiry.Evaluate(NotBefore, NotAfter, NotBefore.AddSeconds(-1));

        Assert.Equal(ExpiryStatus.NotYetValid, status);
    }

    [Fact]
    public void Evaluate_OneSecondPastNotAfter_IsExpired()
    {
        var status = CertificateExpiry.Evaluate(NotBefore, NotAfter, NotAfter.AddSeconds(1));

        Assert.Equal(ExpiryStatus.Expired, status);
    }

    [Fact]
    public async Task PreviewCertificate_AsTheClockAdvances_GoesFromValidToExpiringSoonToExpired()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeys.Create(TestKeyKind.EcP256), NotBefore, NotAfter);
        var upload = TestCertificates.Pem(certificate);

        var today = domain.Service.PreviewCertificate(upload).Value!.ExpiryStatus;
        domain.Clock.Advance(TimeSpan.FromDays(31));
        var inAMonth = domain.Service.PreviewCertificate(upload).Value!.ExpiryStatus;
        domain.Clock.Advance(TimeSpan.FromDays(30));
        var inTwoMonths = domain.Service.PreviewCertificate(upload).Value!.ExpiryStatus;

        Assert.Equal(ExpiryStatus.Valid, today);
        Assert.Equal(ExpiryStatus.ExpiringSoon, inAMonth);
        Assert.Equal(ExpiryStatus.Expired, inTwoMonths);
    }

    [Fact]
    public async Task ListAsync_StoredCertificate_ShowsTheStatusForTheCurrentClock()
    {
        await using var domain = await CredentialTestDomain.CreateAsync();
        using var certificate = TestCertificates.Create(TestKeys.Create(TestKeyKind.Rsa2048), NotBefore, NotAfter);
        await domain.AddCertificateAsync("Entra client", TestCertificates.Pem(certificate));

        var before = Assert.Single(await domain.Service.ListAsync(null, CancellationToken.None));
        domain.Clock.Advance(TimeSpan.FromDays(45));
        var after = Assert.Single(await domain.Service.ListAsync(null, CancellationToken.None));

        Assert.Equal(ExpiryStatus.Valid, before.ExpiryStatus);
        Assert.Equal(ExpiryStatus.ExpiringSoon, after.ExpiryStatus);
        Assert.Equal(NotAfter, after.NotAfter);
    }
}
