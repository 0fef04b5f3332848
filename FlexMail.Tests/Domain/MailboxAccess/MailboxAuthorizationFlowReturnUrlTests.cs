using FlexMail.Domain.MailboxAccess.Authorize;

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
}
