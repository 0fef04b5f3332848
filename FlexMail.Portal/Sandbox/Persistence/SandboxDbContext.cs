using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Faults;
using FlexMail.Portal.Sandbox.Identity;
using FlexMail.Portal.Sandbox.Mail;
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

    public DbSet<SandboxAuthorizationCode> AuthorizationCodes => Set<SandboxAuthorizationCode>();

    public DbSet<SandboxRefreshToken> RefreshTokens => Set<SandboxRefreshToken>();

    public DbSet<SandboxSigningKey> SigningKeys => Set<SandboxSigningKey>();

    public DbSet<SandboxMailFolder> MailFolders => Set<SandboxMailFolder>();

    public DbSet<SandboxMessage> Messages => Set<SandboxMessage>();

    public DbSet<SandboxFaultSettings> FaultSettings => Set<SandboxFaultSettings>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type: store UTC ticks so ordering and filtering run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SandboxUser>(user =>
        {
            user.HasIndex(u => u.UserPrincipalName).IsUnique();
            user.HasIndex(u => u.Mail).IsUnique();
            user.Property(u => u.Kind).HasConversion<string>();
        });
        modelBuilder.Entity<MailboxPermission>(permission =>
        {
            permission.HasIndex(p => new { p.MailboxUserId, p.GranteeUserId }).IsUnique();
            permission.HasOne<SandboxUser>().WithMany().HasForeignKey(p => p.MailboxUserId).OnDelete(DeleteBehavior.Cascade);
            permission.HasOne<SandboxUser>().WithMany().HasForeignKey(p => p.GranteeUserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SandboxApplication>(app =>
        {
            app.HasIndex(a => a.AppId).IsUnique();
            app.HasMany(a => a.Secrets).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            app.HasMany(a => a.Certificates).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SandboxPermissionGrant>()
            .HasOne<SandboxApplication>().WithMany().HasForeignKey(g => g.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        modelBuilder.Entity<SandboxAppRoleAssignment>(assignment =>
        {
            assignment.HasIndex(a => new { a.ApplicationId, a.Role }).IsUnique();
            assignment.HasOne<SandboxApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SandboxRefreshToken>().HasIndex(t => new { t.ClientId, t.UserId });
        modelBuilder.Entity<SandboxMailFolder>(folder =>
        {
            folder.HasIndex(f => new { f.MailboxUserId, f.ParentFolderId, f.DisplayName }).IsUnique();
            folder.HasOne<SandboxUser>().WithMany().HasForeignKey(f => f.MailboxUserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SandboxMessage>(message =>
        {
            message.HasIndex(m => m.ImmutableId).IsUnique();
            message.HasIndex(m => new { m.FolderId, m.ReceivedDateTime });
            message.HasOne<SandboxMailFolder>().WithMany().HasForeignKey(m => m.FolderId).OnDelete(DeleteBehavior.Cascade);
            message.Property(m => m.From).HasConversion(JsonColumn.Converter<SandboxAddress>());
            message.Property(m => m.Sender).HasConversion(JsonColumn.Converter<SandboxAddress>());
            message.Property(m => m.ToRecipients).HasConversion(JsonColumn.Converter<List<SandboxAddress>>(), JsonColumn.Comparer<SandboxAddress>());
            message.Property(m => m.CcRecipients).HasConversion(JsonColumn.Converter<List<SandboxAddress>>(), JsonColumn.Comparer<SandboxAddress>());
            message.Property(m => m.ReplyTo).HasConversion(JsonColumn.Converter<List<SandboxAddress>>(), JsonColumn.Comparer<SandboxAddress>());
            message.Property(m => m.Headers).HasConversion(JsonColumn.Converter<List<SandboxHeader>>(), JsonColumn.Comparer<SandboxHeader>());
        });
    }
}
