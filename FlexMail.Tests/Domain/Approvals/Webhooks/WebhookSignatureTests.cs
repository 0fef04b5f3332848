using System.Security.Cryptography;
using System.Text;
using FlexMail.Domain.Approvals.Webhooks;

namespace FlexMail.Tests.Domain.Approvals.Webhooks;

/// <summary>The callback signature: what a receiver recomputes, within the tolerance, over the exact body.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private const string Body = "{\"event\":\"approval.approved\",\"approval\":{\"title\":\"Deploy ✓\"}}";
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void Sign_IsTimestampAndHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt, Body);

        var t = SignedAt.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{Body}")));
        Assert.Equal($"t={t},v1={expected}", header);
    }

    [Fact]
    public void Verify_SignedHeaderWithinTolerance_Passes()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt, Body);

        Assert.True(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(5), Tolerance));
        Assert.True(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(-5), Tolerance));
    }

    [Fact]
    public void Verify_OutsideTolerance_Fails()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt, Body);

        Assert.False(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(5).AddSeconds(1), Tolerance));
    }

    [Fact]
    public void Verify_TamperedBodyOrOtherSecret_Fails()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt, Body);

        Assert.False(WebhookSignature.Verify(Secret, header, Body.Replace("approved", "rejected", StringComparison.Ordinal), SignedAt, Tolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body + " ", SignedAt, Tolerance));
        Assert.False(WebhookSignature.Verify("other secret", header, Body, SignedAt, Tolerance));
    }

    [Fact]
    public void Verify_ReplayedSignatureWithAFreshTimestamp_Fails()
    {
        var header = WebhookSignature.Sign(Secret, SignedAt, Body);
        var v1 = header[(header.IndexOf(",v1=", StringComparison.Ordinal) + 4)..];

        Assert.False(WebhookSignature.Verify(Secret, $"t={SignedAt.AddHours(1).ToUnixTimeSeconds()},v1={v1}", Body, SignedAt.AddHours(1), Tolerance));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=abc,v1=00")]
    [InlineData("t=1796115600")]
    [InlineData("v1=00")]
    [InlineData("t=1796115600,t=1796115600,v1=00")]
    [InlineData("t=99999999999999999,v1=00")]
    [InlineData("t=-99999999999999999,v1=00")]
    public void Verify_MalformedHeader_FailsWithoutThrowing(string header)
    {
        Assert.False(WebhookSignature.Verify(Secret, header, Body, SignedAt, Tolerance));
    }
}
