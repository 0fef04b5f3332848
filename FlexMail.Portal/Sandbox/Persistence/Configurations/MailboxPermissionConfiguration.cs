using FlexMail.Portal.Sandbox.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class MailboxPermissionConfiguration : IEntityTypeConfiguration<MailboxPermission>
{
    public void Configure(EntityTypeBuilder<MailboxPermission> builder)
    {
        builder.HasIndex(permission => new { permission.MailboxUserId, permission.GranteeUserId }).IsUnique();
        builder.HasOne<SandboxUser>().WithMany().HasForeignKey(permission => permission.MailboxUserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SandboxUser>().WithMany().HasForeignKey(permission => permission.GranteeUserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
