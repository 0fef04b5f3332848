using FlexMail.Portal.Sandbox.Directory;
using FlexMail.Portal.Sandbox.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxMailFolderConfiguration : IEntityTypeConfiguration<SandboxMailFolder>
{
    public void Configure(EntityTypeBuilder<SandboxMailFolder> builder)
    {
        builder.HasIndex(folder => new { folder.MailboxUserId, folder.ParentFolderId, folder.DisplayName }).IsUnique();
        builder.HasOne<SandboxUser>().WithMany().HasForeignKey(folder => folder.MailboxUserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
