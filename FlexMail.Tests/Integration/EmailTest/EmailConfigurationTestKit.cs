using FlexMail.Domain.EmailTest;
using FlexMail.Domain.Mail;
using FlexMail.Domain.OAuthApps;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Tests.Integration.Mail;
using FlexMail.Tests.Support;

namespace FlexMail.Tests.Integration.EmailTest;

/// <summary>
/// Test Email Configuration runs through the portal's own service (so against the sandbox's Graph), with delegated
/// tokens minted by the sandbox's token service for a chosen user.
/// </summary>
internal sealed class EmailConfigurationTestKit(KestrelPortal portal)
{
    public const string ReplyFolder = "Inbox/FlexMail Replies";

    public static string Approvals => MailGatewayKit.Approvals;

    public static string ServiceUser => MailGatewayKit.ServiceUser;

    public static string Recipient => SandboxSeed.AdeleVance.Mail!;

    public IGraphAccessTokenSource DelegatedTokens(SandboxUser user, params string[] scopes) =>
        new SandboxTokenSource(portal, new SandboxAccessToken(SandboxTenant.TenantId, Guid.NewGuid(), "FlexMail tests", user.Id,
            user.UserPrincipalName, scopes.Length == 0 ? MailGatewayKit.ServiceScopes : scopes, []));

    /// <summary>The service user sending as the approvals mailbox to Adele, replies read from the approvals mailbox.</summary>
    public EmailConfigurationTestRequest ServiceUserRequest(IGraphAccessTokenSource? tokens = null) => new(
        CloudInstance.Global, tokens ?? DelegatedTokens(SandboxSeed.ServiceUser), PermissionMode.Delegated,
        ServiceUser, Approvals, Recipient, Approvals, ReplyFolder);

    public Task<EmailConfigurationTestReport> RunAsync(EmailConfigurationTestRequest request, IProgress<TestStepResult>? progress = null) =>
        portal.Get<EmailConfigurationTest>().RunAsync(request, progress, CancellationToken.None);

    /// <summary>The messages of a user's Inbox with this subject, read through a gateway with the user's own token.</summary>
    public async Task<List<MailMessage>> InboxMessagesAsync(SandboxUser user, string subject)
    {
        using var gateway = new MailGatewayKit(portal).Delegated(user, "Mail.Read");
        var inbox = await MailGatewayKit.FolderAsync(gateway, user.Mail!, "Inbox");
        return [.. (await MailGatewayKit.AllMessagesAsync(gateway, user.Mail!, inbox.Id)).Where(m => m.Subject == subject)];
    }

    public static void AssertVerdicts(EmailConfigurationTestReport report, params TestVerdict[] verdicts) =>
        Assert.Equal(verdicts, report.Steps.Select(s => s.Verdict));

    private sealed class SandboxTokenSource(KestrelPortal portal, SandboxAccessToken claims) : IGraphAccessTokenSource
    {
        private string? _token;

        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
            _token ??= await portal.Get<SandboxTokenService>().IssueAccessTokenAsync(portal.Get<SandboxBaseAddress>().BaseUrl, claims, cancellationToken);
    }
}
