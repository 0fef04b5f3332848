using FlexMail.Portal.Sandbox.Apps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxPermissionGrantConfiguration : IEntityTypeConfiguration<SandboxPermissionGrant>
{
    public void Configure(EntityTypeBuilder<SandboxPermissionGrant> builder)
    {
        builder.HasOne<SandboxApplication>().WithMany().HasForeignKey(grant => grant.ApplicationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
