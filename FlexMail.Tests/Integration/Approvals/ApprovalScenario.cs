using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Mail;
using FlexMail.Domain.MailboxAccess.Connections;
using FlexMail.Domain.Persistence;
using FlexMail.Domain.Security;
using FlexMail.Domain.Settings;
using FlexMail.Domain.Validation;
using FlexMail.Portal.Sandbox;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Tests.Integration.EmailTest;
using FlexMail.Tests.Integration.Mail;
using FlexMail.Tests.Integration.MailboxAccess;
using FlexMail.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlexMail.Tests.Integration.Approvals;

/// <summary>
/// Approvals against the sandbox: the outgoing connection saved with application permissions (the service user
/// sending as the approvals mailbox, replies to approvals@), requests created through the domain, and senders built
/// with a test's own clock and hooks.
/// </summary>
internal sealed class ApprovalScenario(KestrelPortal portal)
{
    public static readonly Actor Pipeline = new("Release pipeline", null);

    public IDbContextFactory<FlexMailDbContext> Contexts => portal.Get<IDbContextFactory<FlexMailDbContext>>();

    public async Task ConnectAsync()
    {
        var tokens = new TokenSourceScenario(portal);
        var app = await tokens.RegisterAppAsync();
        var secret = await tokens.AddSecretAsync(app);
        var application = await tokens.SaveWithSecretAsync(TokenSourceScenario.TenantId, app.AppId.ToString(), secret.Value);
        var settings = portal.Get<EmailSettingsService>();
        var draft = await settings.GetDraftAsync(CancellationToken.None);
        draft.ServerBaseUrl = portal.HttpsAddress.ToString().TrimEnd('/');
        draft.SmtpUser = MailGatewayKit.ServiceUser;
        draft.SmtpFromAddress = MailGatewayKit.Approvals;
        draft.SmtpOAuthApplicationId = application.Id;
        draft.IncomingSameAsOutgoing = true;
        draft.EmailApprovalEnabled = true;
        draft.ReplyMailbox = MailGatewayKit.Approvals;
        draft.EmailReplyFolder = EmailConfigurationTestKit.ReplyFolder;
        draft.ApprovalReplyAddress = MailGatewayKit.Approvals;
        var saved = await settings.SaveAsync(draft, Pipeline, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Report().Issues.Select(issue => issue.ToString())));
    }

    public async Task<Guid> CreateAsync(string title, params SandboxUser[] approvers)
    {
        var created = await portal.Get<ApprovalService>().CreateAsync(new ApprovalRequestDraft
        {
            Title = title,
            Details = "Release 4.2 passed every test stage.",
            Approvers = [.. approvers.Select(user => user.Mail!)],
            Metadata = [new MetadataEntry("environment", "production")],
        }, ApprovalOrigin.Api(Pipeline, null), CancellationToken.None);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        return created.Value.Id;
    }

    public ApprovalMailSender Sender(TimeProvider clock, IOutboxHooks? hooks = null, int maxAttempts = 8) => new(
        Contexts, portal.Get<MailboxConnections>(), portal.Get<EmailSettingsService>(), portal.Get<MailGatewayFactory>(),
        portal.Get<ISecretProtector>(), portal.Get<InstallationCodes>(), portal.Get<AuditLog>(), hooks ?? new NoHooks(),
        Options.Create(new ApprovalOptions { MaxSendAttempts = maxAttempts }), clock, NullLogger<ApprovalMailSender>.Instance);

    public WebhookSender Webhooks(TimeProvider clock, TimeSpan? retryWindow = null) => new(
        Contexts, portal.Get<IHttpClientFactory>(), portal.Get<WebhookSecrets>(),
        Options.Create(new ApprovalOptions { WebhookRetryWindow = retryWindow ?? TimeSpan.FromHours(25) }), clock, NullLogger<WebhookSender>.Instance);

    public async Task<List<ApprovalMail>> MailsAsync(Guid requestId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.ApprovalMails.AsNoTracking().Where(m => m.ApprovalRequestId == requestId).OrderBy(m => m.Recipient).ToListAsync();
    }

    /// <summary>The approval mails in a user's Inbox for this request title, with their headers.</summary>
    public async Task<List<MailMessage>> InboxAsync(SandboxUser user, string title)
    {
        using var gateway = new MailGatewayKit(portal).Delegated(user, "Mail.Read");
        var inbox = await MailGatewayKit.FolderAsync(gateway, user.Mail!, "Inbox");
        var found = new List<MailMessage>();
        foreach (var message in (await MailGatewayKit.AllMessagesAsync(gateway, user.Mail!, inbox.Id)).Where(m => m.Subject?.Contains(title) == true))
        {
            var full = await gateway.GetMessageAsync(user.Mail!, message.Id, includeHeaders: true, CancellationToken.None);
            found.Add(full.Value!);
        }
        return found;
    }

    public Task SetFaultsAsync(Action<Portal.Sandbox.Faults.SandboxFaultSettings> change) =>
        SetFaultsCoreAsync(change);

    private async Task SetFaultsCoreAsync(Action<Portal.Sandbox.Faults.SandboxFaultSettings> change)
    {
        var faults = portal.Get<Portal.Sandbox.Faults.SandboxFaults>();
        var settings = await faults.GetAsync(CancellationToken.None);
        var copy = new Portal.Sandbox.Faults.SandboxFaultSettings
        {
            ThrottlingEnabled = settings.ThrottlingEnabled,
            RequestBudget = settings.RequestBudget,
            BudgetWindowSeconds = settings.BudgetWindowSeconds,
            MaxConcurrentRequests = settings.MaxConcurrentRequests,
            ServiceUnavailablePercent = settings.ServiceUnavailablePercent,
            AddedLatencyMilliseconds = settings.AddedLatencyMilliseconds,
        };
        change(copy);
        var result = await faults.UpdateAsync(copy, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
    }

    public static SandboxUser[] Approvers => [SandboxSeed.AdeleVance, SandboxSeed.AlexWilber];

    private sealed class NoHooks : IOutboxHooks
    {
        public Task DraftRecordedAsync(ApprovalMail mail, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SentAsync(ApprovalMail mail, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
