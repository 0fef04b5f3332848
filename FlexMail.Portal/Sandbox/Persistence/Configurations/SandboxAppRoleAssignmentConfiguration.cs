using FlexMail.Portal.Sandbox.Apps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxAppRoleAssignmentConfiguration : IEntityTypeConfiguration<SandboxAppRoleAssignment>
{
    public void Configure(EntityTypeBuilder<SandboxAppRoleAssignment> builder)
    {
        builder.HasIndex(assignment => new { assignment.ApplicationId, assignment.Role }).IsUnique();
        builder.HasOne<SandboxApplication>().WithMany().HasForeignKey(assignment => assignment.ApplicationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
