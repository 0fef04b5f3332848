using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Portal.Endpoints;

namespace FlexMail.Tests.Domain.MailboxAccess;

public sealed class MailboxAuthorizationFlowReturnUrlTests
{
    [Theory]
    [InlineData("/settings/email")]
    [InlineData("/")]
    [InlineData("/setup?step=3")]
    public void IsLocal_PathOfThisPortal_IsAccepted(string returnUrl) => Assert.True(MailboxAuthorizationFlow.IsLocal(returnUrl));

    [Theory]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("settings/email")]
    [InlineData("/settings\r\nLocation: https://evil.example/")]
    public void IsLocal_OtherSiteOrNoPath_IsRefused(string returnUrl) => Assert.False(MailboxAuthorizationFlow.IsLocal(returnUrl));

    [Theory]
    [InlineData("/café")]
    [InlineData("/\uFF0F\uFF0Fevil.example")]
    [InlineData("/settings\u2028email")]
    [InlineData("/settings email")]
    public void IsLocal_NotPlainAscii_IsRefused(string returnUrl) => Assert.False(MailboxAuthorizationFlow.IsLocal(returnUrl));

    [Fact]
    public void IsLocal_PercentEncodedNonAscii_IsAccepted() => Assert.True(MailboxAuthorizationFlow.IsLocal("/caf%C3%A9?x=%EF%BC%8F"));

    [Theory]
    [InlineData("/café")]
    [InlineData("/\uFF0F\uFF0Fevil.example")]
    [InlineData("/settings\u2028email")]
    public void SafeReturnUrl_NotPlainAscii_IsTheDefaultPage(string returnUrl) =>
        Assert.Equal(MailboxAuthorizationFlow.DefaultReturnUrl, MailboxAuthorizationFlow.SafeReturnUrl(returnUrl));

    [Theory]
    [InlineData("/café")]
    [InlineData("/\uFF0F\uFF0Fevil.example")]
    [InlineData("/settings\u2028email")]
    public void LocalOrHome_NotPlainAscii_IsHome(string returnUrl) => Assert.Equal("/", AccountEndpoints.LocalOrHome(returnUrl));
}
