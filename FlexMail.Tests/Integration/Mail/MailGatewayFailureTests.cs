using FlexMail.Domain.Connectivity;
using FlexMail.Domain.Mail;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Sandbox;
using FlexMail.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlexMail.Tests.Integration.Mail;

/// <summary>Graph's refusals, answered as failures that name the missing permission or mailbox right.</summary>
public sealed class MailGatewayFailureTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private readonly MailGatewayKit _kit = new(portal);

    [Fact]
    public async Task ListFolders_SharedMailboxWithTokenWithoutSharedScope_AccessDeniedNamesMailReadShared()
    {
        using var gateway = _kit.Delegated(SandboxSeed.ServiceUser, "User.Read", "Mail.ReadWrite", "Mail.Send");

        var folders = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);

        Assert.False(folders.Succeeded);
        Assert.Equal(MailFailureKind.AccessDenied, folders.MailFailure().Kind);
        Assert.Equal("ErrorAccessDenied", folders.MailFailure().GraphCode);
        Assert.Equal(403, folders.MailFailure().Status);
        Assert.Contains("does not carry the delegated permission Mail.Read.Shared", folders.MailFailure().Cause);
        Assert.Contains("Add the delegated Microsoft Graph permission Mail.Read.Shared", folders.MailFailure().Fix);
        Assert.Contains("Re-Authorize", folders.MailFailure().Fix);
    }

    [Fact]
    public async Task ListFolders_SharedMailboxWithoutFullAccess_AccessDeniedSaysGiveFullAccess()
    {
        using var gateway = _kit.Delegated(SandboxSeed.AdeleVance, "Mail.Read.Shared");

        var folders = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);

        Assert.False(folders.Succeeded);
        Assert.Equal("ErrorAccessDenied", folders.MailFailure().GraphCode);
        Assert.Contains($"{SandboxSeed.AdeleVance.UserPrincipalName} has no Full Access on {MailGatewayKit.Approvals}", folders.MailFailure().Cause);
        Assert.Contains($"Give {SandboxSeed.AdeleVance.UserPrincipalName} Full Access on {MailGatewayKit.Approvals}", folders.MailFailure().Fix);
    }

    [Fact]
    public async Task ListFolders_ApplicationTokenWithoutRole_AccessDeniedNamesApplicationPermission()
    {
        using var gateway = _kit.Application("User.Read.All");

        var folders = await gateway.ListFoldersAsync(MailGatewayKit.Approvals, CancellationToken.None);

        Assert.False(folders.Succeeded);
        Assert.Equal(MailFailureKind.AccessDenied, folders.MailFailure().Kind);
        Assert.Contains("application permission Mail.Read", folders.MailFailure().Cause);
        Assert.Contains("grant admin consent", folders.MailFailure().Fix);
    }

    [Fact]
    public async Task ResolveFolder_UserWithoutExchangeMailbox_FailsMailboxNotEnabled()
    {
        using var gateway = _kit.Application("Mail.ReadWrite");
        var leeGu = SandboxSeed.LeeGu.UserPrincipalName;

        var folder = await gateway.ResolveFolderAsync(leeGu, "Inbox", CancellationToken.None);

        Assert.False(folder.Succeeded);
        Assert.Equal(MailFailureKind.MailboxNotEnabled, folder.MailFailure().Kind);
        Assert.Equal("MailboxNotEnabledForRESTAPI", folder.MailFailure().GraphCode);
        Assert.Contains($"{leeGu} has no Exchange Online mailbox (no licence, or on-premises)", folder.MailFailure().Cause);
        Assert.Contains("licence that includes Exchange Online", folder.MailFailure().Fix);
    }

    [Fact]
    public async Task ListFolders_UnknownUser_FailsInvalidUser()
    {
        using var gateway = _kit.Application("Mail.Read");

        var folders = await gateway.ListFoldersAsync($"nobody@{SandboxTenant.Domain}", CancellationToken.None);

        Assert.False(folders.Succeeded);
        Assert.Equal(MailFailureKind.InvalidUser, folders.MailFailure().Kind);
        Assert.Equal("ErrorInvalidUser", folders.MailFailure().GraphCode);
        Assert.Contains("is not a user or mailbox in this tenant", folders.MailFailure().Cause);
    }

    [Fact]
    public async Task Move_ToFolderThatDoesNotExist_FailsItemNotFound()
    {
        using var gateway = _kit.ServiceUserGateway();
        var inbox = await MailGatewayKit.FolderAsync(gateway, MailGatewayKit.Approvals, "Inbox");
        var message = (await MailGatewayKit.AllMessagesAsync(gateway, MailGatewayKit.Approvals, inbox.Id))[0];

        var moved = await gateway.MoveAsync(MailGatewayKit.Approvals, message.Id, "AAMkNoSuchFolder", CancellationToken.None);

        Assert.False(moved.Succeeded);
        Assert.Equal("ErrorItemNotFound", moved.MailFailure().GraphCode);
        Assert.Contains("AAMkNoSuchFolder", moved.MailFailure().Cause);
    }

    [Fact]
    public async Task WhoAmI_GraphCertificateNotTrusted_FailsNetworkNamingTls()
    {
        using var untrusting = new UntrustingCloud(portal.Endpoints);
        var factory = new MailGatewayFactory(untrusting, TimeProvider.System, NullLoggerFactory.Instance);
        using var gateway = factory.Create(CloudInstance.Global, new FixedTokenSource());

        var me = await gateway.WhoAmIAsync(CancellationToken.None);

        Assert.False(me.Succeeded);
        Assert.Equal(MailFailureKind.Network, me.MailFailure().Kind);
        Assert.Null(me.MailFailure().GraphCode);
        Assert.Contains($"did not trust the TLS certificate of {portal.Endpoints.GraphBaseUrl.Host}", me.MailFailure().Cause);
    }

    [Fact]
    public async Task ListMessages_PageTokenForAnotherHost_FailsWithoutFetchingIt()
    {
        using var gateway = _kit.ServiceUserGateway();

        var page = await gateway.ListMessagesAsync(MailGatewayKit.Approvals, "inbox", new MessageListQuery(10) { PageToken = "https://attacker.test/v1.0/me/messages" }, CancellationToken.None);

        Assert.False(page.Succeeded);
        Assert.Equal(MailFailureKind.InvalidRequest, page.MailFailure().Kind);
        Assert.Contains("not a Microsoft Graph link", page.MailFailure().Cause);
    }

    private sealed class FixedTokenSource : IGraphAccessTokenSource
    {
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult("header.payload.signature");
    }

    /// <summary>The sandbox's endpoints reached with the system's certificate validation, which does not trust the portal's certificate.</summary>
    private sealed class UntrustingCloud(MicrosoftEndpoints endpoints) : IMicrosoftCloud, IDisposable
    {
        private readonly SocketsHttpHandler _handler = new();


        public HttpMessageHandler Handler => _handler;

        public MicrosoftEndpoints EndpointsFor(CloudInstance cloud) => endpoints;

        public HttpClient CreateHttpClient() => new(_handler, disposeHandler: false);

        public void Dispose() => _handler.Dispose();
    }
}
