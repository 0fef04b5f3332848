using FlexMail.Domain.ApiKeys;
using FlexMail.Domain.Approvals;
using FlexMail.Domain.Approvals.Outbox;
using FlexMail.Domain.Approvals.Replies;
using FlexMail.Domain.Approvals.Webhooks;
using FlexMail.Domain.Audit;
using FlexMail.Domain.Credentials;
using FlexMail.Domain.EmailTest;
using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.MailboxAccess.Authorize;
using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlexMail.Domain.Persistence;

/// <summary>
/// The one FlexMail model. Each database provider has its own subclass so that each keeps its own
/// migration set (<c>Migrations/Sqlite</c>, <c>Migrations/SqlServer</c>).
/// </summary>
public abstract class FlexMailDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<OAuthApplication> OAuthApplications => Set<OAuthApplication>();

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<EmailSettings> EmailSettings => Set<EmailSettings>();

    public DbSet<MailboxAuthorization> MailboxAuthorizations => Set<MailboxAuthorization>();

    public DbSet<PendingAuthorization> PendingAuthorizations => Set<PendingAuthorization>();

    public DbSet<EmailConfigurationTestRun> EmailConfigurationTestRuns => Set<EmailConfigurationTestRun>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();

    public DbSet<ApprovalApprover> ApprovalApprovers => Set<ApprovalApprover>();

    public DbSet<ApprovalDecision> ApprovalDecisions => Set<ApprovalDecision>();

    public DbSet<ApprovalMail> ApprovalMails => Set<ApprovalMail>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ProcessedReply> ProcessedReplies => Set<ProcessedReply>();

    public DbSet<ReplyMonitorState> ReplyMonitorStates => Set<ReplyMonitorState>();

    public DbSet<ReplyEvent> ReplyEvents => Set<ReplyEvent>();

    public DbSet<InstallationIdentity> InstallationIdentity => Set<InstallationIdentity>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FlexMailDbContext).Assembly);
}
