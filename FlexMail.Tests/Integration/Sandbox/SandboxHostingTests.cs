using System.Security.Authentication;
using FlexMail.Domain.Security;
using FlexMail.Portal.Hosting;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Sandbox;

public sealed class SandboxHostingTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    [Fact]
    public async Task Start_SeedsTheTenant_WithServiceUserSharedMailboxAndUserWithoutMailbox()
    {
        var users = await portal.Get<SandboxDirectory>().ListUsersAsync(CancellationToken.None);

        Assert.Contains(users, u => u.UserPrincipalName == "svc-flexmail@contoso.test" && u.HasMailbox && u.Kind == SandboxUserKind.Member);
        Assert.Contains(users, u => u.Mail == "approvals@contoso.test" && u.Kind == SandboxUserKind.SharedMailbox);
        Assert.Contains(users, u => u.UserPrincipalName == "lee.gu@contoso.test" && !u.HasMailbox);
        var rights = await portal.Get<SandboxDirectory>().ListPermissionsAsync(CancellationToken.None);
        Assert.Contains(rights, r => r.MailboxUserId == SandboxSeed.ApprovalsMailbox.Id && r.GranteeUserId == SandboxSeed.ServiceUser.Id && r.FullAccess && r.SendAs);
    }

    [Fact]
    public void Endpoints_PointAtThePortalsHttpsPort_OnLocalhost()
    {
        var endpoints = portal.Endpoints;

        Assert.IsType<SandboxMicrosoftCloud>(portal.Cloud);
        Assert.Equal($"https://localhost:{portal.HttpsAddress.Port}/{SandboxTenant.TenantId}", endpoints.Authority(SandboxTenant.TenantId.ToString()).ToString());
        Assert.Equal($"https://localhost:{portal.HttpsAddress.Port}/sandbox/graph/v1.0", endpoints.GraphBaseUrl.ToString().TrimEnd('/'));
        Assert.Equal("https://graph.microsoft.com/.default", endpoints.GraphDefaultScope);
    }

    [Fact]
    public async Task SandboxClient_TrustsThePortalsOwnCertificate()
    {
        using var client = portal.Cloud.CreateHttpClient();

        var response = await client.GetAsync(new Uri(portal.Get<SandboxBaseAddress>().BaseUrl, "health/ready"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SandboxClient_PinnedToAnotherCertificate_RefusesThePortal()
    {
        using var other = SelfSignedCertificates.CreateTlsServer(["localhost"], TimeProvider.System, TimeSpan.FromDays(1));
        using var cloud = new SandboxMicrosoftCloud(portal.Get<SandboxBaseAddress>(), new LocalHttpsCertificateInfo(other));
        using var client = cloud.CreateHttpClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(portal.Get<SandboxBaseAddress>().BaseUrl, "health/ready")));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task AccessToken_IssuedBySandbox_ValidatesWithItsClaims()
    {
        var tokens = portal.Get<SandboxTokenService>();
        var issued = new SandboxAccessToken(SandboxTenant.TenantId, Guid.NewGuid(), "FlexMail", SandboxSeed.ServiceUser.Id,
            SandboxSeed.ServiceUser.UserPrincipalName, ["User.Read", "Mail.Send"], []);

        var token = await tokens.IssueAccessTokenAsync(portal.Get<SandboxBaseAddress>().BaseUrl, issued, CancellationToken.None);
        var read = await tokens.ValidateAccessTokenAsync(token, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(issued.ClientId, read.ClientId);
        Assert.Equal(issued.UserId, read.UserId);
        Assert.Equal(["User.Read", "Mail.Send"], read.Scopes);
        Assert.True(read.Allows("mail.send"));
        Assert.False(read.Allows("Mail.ReadWrite"));
        Assert.Null(await tokens.ValidateAccessTokenAsync(token[..^4] + "AAAA", CancellationToken.None));
    }
}
