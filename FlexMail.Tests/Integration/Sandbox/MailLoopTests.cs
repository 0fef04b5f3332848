using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Support;
using FlexMail.Tests.Support.Sandbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Graph;
using Microsoft.Graph.Me.Messages.Item.Reply;
using Microsoft.Graph.Me.SendMail;
using Microsoft.Graph.Models;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FlexMail.Tests.Integration.Sandbox;

/// <summary>
/// The approval mail loop end to end with nothing but the real libraries: the service user and an approver sign in
/// through MSAL, the approval goes out from the shared mailbox through the Graph SDK, the approver replies, and the
/// reply arrives in the shared mailbox tied to the approval by In-Reply-To.
/// </summary>
public sealed class MailLoopTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static readonly string[] FlexMailScopes = ["User.Read", "Mail.Send", "Mail.ReadWrite", "Mail.Send.Shared", "Mail.ReadWrite.Shared"];

    [Fact]
    public async Task ApprovalFromSharedMailbox_AnsweredByApprover_ReplyArrivesInSharedInboxWithInReplyTo()
    {
        var app = await SandboxTestApp.CreateAsync(portal, FlexMailScopes, adminConsent: true);
        var service = await SignInAsync(app, SandboxSeed.ServiceUser);
        var approver = await SignInAsync(app, SandboxSeed.AdeleVance);
        var approvals = Address(SandboxSeed.ApprovalsMailbox);
        var subject = $"Approval needed: release {Guid.NewGuid():N}";

        await service.Me.SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = subject,
                Body = new ItemBody { ContentType = BodyType.Text, Content = "Reply Approve or Reject." },
                From = approvals,
                ToRecipients = [Address(SandboxSeed.AdeleVance)],
                ReplyTo = [approvals],
            },
            SaveToSentItems = true,
        });
        var received = Assert.Single((await approver.Me.MailFolders["inbox"].Messages.GetAsync(r => r.QueryParameters.Top = 100))!.Value!,
            m => m.Subject == subject);
        await approver.Me.Messages[received.Id].Reply.PostAsync(new ReplyPostRequestBody { Comment = "Approve" });

        var inbox = await service.Users[SandboxSeed.ApprovalsMailbox.Mail].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Top = 100;
            r.QueryParameters.Select = ["subject", "from", "body", "internetMessageHeaders"];
        });
        var reply = Assert.Single(inbox!.Value!, m => m.Subject == $"RE: {subject}");
        Assert.Equal(SandboxSeed.AdeleVance.Mail, reply.From!.EmailAddress!.Address);
        Assert.Equal(received.InternetMessageId, reply.InternetMessageHeaders!.Single(h => h.Name == "In-Reply-To").Value);
        Assert.StartsWith("<div>Approve</div>", ((string?)reply.Body!.Content)!.Replace("<html><body>", ""), StringComparison.Ordinal);
        Assert.Equal(approvals.EmailAddress!.Address, received.From!.EmailAddress!.Address);
    }

    private async Task<GraphServiceClient> SignInAsync(SandboxTestApp app, SandboxUser user)
    {
        var msal = new MsalFactory(portal).Create(app);
        var url = await msal.GetAuthorizationRequestUrl(FlexMailScopes).WithLoginHint(user.UserPrincipalName).WithPkce(out var verifier).ExecuteAsync();
        using var browser = new SandboxSignIn(portal);
        var code = QueryHelpers.ParseQuery((await browser.SignInAsync(url, user)).Query)["code"].ToString();
        var result = await msal.AcquireTokenByAuthorizationCode(FlexMailScopes, code).WithPkceCodeVerifier(verifier).ExecuteAsync();

        var graph = portal.Endpoints.GraphBaseUrl;
        return new GraphServiceClient(
            GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: portal.Cloud.Handler, disposeHandler: false),
            new BaseBearerTokenAuthenticationProvider(new MsalTokenProvider(msal, result.Account, graph.Host)),
            graph.ToString().TrimEnd('/'));
    }

    private static Recipient Address(SandboxUser user) => new() { EmailAddress = new EmailAddress { Name = user.DisplayName, Address = user.Mail } };

    /// <summary>Every Graph call takes its token from MSAL's cache (refreshing it when due), as a real application does.</summary>
    private sealed class MsalTokenProvider(IConfidentialClientApplication msal, IAccount account, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) =>
            (await msal.AcquireTokenSilent(FlexMailScopes, account).ExecuteAsync(cancellationToken)).AccessToken;
    }
}
