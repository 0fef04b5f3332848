using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Mail;
using FlexMail.Portal.Sandbox.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlexMail.Portal.Sandbox.Persistence;

/// <summary>
/// The sandbox tenant's state: directory, app registrations, grants, tokens, mailboxes and faults. It lives in its
/// own SQLite file (<c>sandbox.db</c> in the data folder), apart from FlexMail's database: it stands for
/// Microsoft's side, so FlexMail's production database never holds sandbox tables and a reset cannot touch
/// FlexMail's own data.
/// </summary>
public sealed class SandboxDbContext(DbContextOptions<SandboxDbContext> options) : DbContext(options)
{
    public DbSet<SandboxUser> Users => Set<SandboxUser>();

    public DbSet<MailboxPermission> MailboxPermissions => Set<MailboxPermission>();

    public DbSet<SandboxApplication> Applications => Set<SandboxApplication>();

    public DbSet<SandboxClientSecret> ClientSecrets => Set<SandboxClientSecret>();

    public DbSet<SandboxAppCertificate> AppCertificates => Set<SandboxAppCertificate>();

    public DbSet<SandboxPermissionGrant> PermissionGrants => Set<SandboxPermissionGrant>();

    public DbSet<SandboxAppRoleAssignment> AppRoleAssignments => Set<SandboxAppRoleAssignment>();

    public DbSet<SandboxRoleAssignment> RoleAssignments => Set<SandboxRoleAssignment>();

    public DbSet<SandboxAuthorizationCode> AuthorizationCodes => Set<SandboxAuthorizationCode>();

    public DbSet<SandboxRefreshToken> RefreshTokens => Set<SandboxRefreshToken>();

    public DbSet<SandboxSigningKey> SigningKeys => Set<SandboxSigningKey>();

    public DbSet<SandboxMailFolder> MailFolders => Set<SandboxMailFolder>();

    public DbSet<SandboxMessage> Messages => Set<SandboxMessage>();

    public DbSet<SandboxInboxRule> InboxRules => Set<SandboxInboxRule>();

    public DbSet<SandboxFaultSettings> FaultSettings => Set<SandboxFaultSettings>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type: store UTC ticks so ordering and filtering run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    /// <summary>
    /// Applies the entity configurations in <c>Sandbox.Persistence.Configurations</c> and no others: the namespace
    /// filter keeps any other <see cref="IEntityTypeConfiguration{TEntity}"/> in the Portal assembly out of the
    /// sandbox model (FlexMail's own configurations live in FlexMail.Domain, which is never scanned here).
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(SandboxDbContext).Assembly,
            type => type.Namespace == typeof(SandboxUserConfiguration).Namespace);
}
