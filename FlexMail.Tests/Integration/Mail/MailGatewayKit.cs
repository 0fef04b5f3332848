using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Tokens;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.Mail;

/// <summary>
/// Mail gateways made by the portal's own <see cref="MailGatewayFactory"/> (so against the sandbox's Graph), with
/// access tokens minted by the sandbox's token service for a user with scopes or for the app with roles.
/// </summary>
internal sealed class MailGatewayKit(KestrelPortal portal)
{
    public static readonly string[] ServiceScopes = ["User.Read", "Mail.ReadWrite", "Mail.Send", "Mail.Read.Shared", "Mail.ReadWrite.Shared", "Mail.Send.Shared"];

    public static string Approvals => SandboxSeed.ApprovalsMailbox.Mail!;

    public static string ServiceUser => SandboxSeed.ServiceUser.UserPrincipalName;

    public IMailGateway Delegated(SandboxUser user, params string[] scopes) => Delegated(null, user, scopes);

    private IMailGateway Delegated(MailGatewayFactory? factory, SandboxUser user, string[] scopes) =>
        Create(factory, new SandboxTokenSource(portal, new SandboxAccessToken(SandboxTenant.TenantId, Guid.NewGuid(), "FlexMail tests", user.Id,
            user.UserPrincipalName, scopes, [])));

    /// <summary>The service user with FlexMail's delegated scopes (Full Access and Send As on the approvals mailbox).</summary>
    public IMailGateway ServiceUserGateway(MailGatewayFactory? factory = null) => Delegated(factory, SandboxSeed.ServiceUser, ServiceScopes);

    public IMailGateway Application(params string[] roles) =>
        Create(new SandboxTokenSource(portal, new SandboxAccessToken(SandboxTenant.TenantId, Guid.NewGuid(), "FlexMail tests", null, null, [], roles)));

    public IMailGateway Create(IGraphAccessTokenSource tokens) => Create(null, tokens);

    private IMailGateway Create(MailGatewayFactory? factory, IGraphAccessTokenSource tokens) =>
        (factory ?? portal.Get<MailGatewayFactory>()).Create(CloudInstance.Global, tokens);

    /// <summary>Puts a mail in a mailbox's Inbox through the sandbox's transport (as if from outside).</summary>
    public Task DeliverAsync(SandboxUser to, string subject) =>
        portal.Get<SandboxMailDelivery>().DeliverAsync(new SandboxOutgoingMail(
            SandboxSeed.ServiceUser.Id,
            new SandboxAddress("Fabrikam Orders", "orders@fabrikam.test"),
            [new SandboxAddress(to.DisplayName, to.Mail!)],
            subject, "text", $"Body of {subject}")
        {
            SaveToSentItems = false,
        }, CancellationToken.None);

    /// <summary>Every message of a folder, read through the gateway page by page.</summary>
    public static async Task<List<MailMessage>> AllMessagesAsync(IMailGateway gateway, string mailbox, string folderId, int pageSize = 50)
    {
        var messages = new List<MailMessage>();
        string? token = null;
        do
        {
            var page = await gateway.ListMessagesAsync(mailbox, folderId, new MessageListQuery(pageSize) { PageToken = token }, CancellationToken.None);
            Assert.True(page.Succeeded, page.Problem?.ToString());
            messages.AddRange(page.Value.Messages);
            token = page.Value.NextPageToken;
        }
        while (token is not null);
        return messages;
    }

    public static async Task<MailFolder> FolderAsync(IMailGateway gateway, string mailbox, string path)
    {
        var folder = await gateway.ResolveFolderAsync(mailbox, path, CancellationToken.None);
        Assert.True(folder.Succeeded, folder.Problem?.ToString());
        return folder.Value;
    }

    /// <summary>Mints one token on first use and hands out the same one after (one app, as a token cache would).</summary>
    private sealed class SandboxTokenSource(KestrelPortal portal, SandboxAccessToken claims) : IGraphAccessTokenSource
    {
        private string? _token;

        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            _token ??= await portal.Get<SandboxTokenService>().IssueAccessTokenAsync(portal.Get<SandboxBaseAddress>().BaseUrl, claims, cancellationToken);
    }
}

/// <summary>A token source that Entra ID refuses, as a revoked consent or an expired secret would.</summary>
internal sealed class RefusingTokenSource(EntraFailure failure) : IGraphAccessTokenSource
{
    public int Calls { get; private set; }

    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        Calls++;
        throw new TokenAcquisitionException(failure);
    }
}
