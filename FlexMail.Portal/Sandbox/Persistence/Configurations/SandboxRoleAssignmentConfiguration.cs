using FlexMail.Portal.Sandbox.Apps;
using FlexMail.Portal.Sandbox.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxRoleAssignmentConfiguration : IEntityTypeConfiguration<SandboxRoleAssignment>
{
    public void Configure(EntityTypeBuilder<SandboxRoleAssignment> builder)
    {
        builder.ToTable("RoleAssignments", table => table.HasCheckConstraint("CK_RoleAssignments_OnePrincipal",
            "(\"UserId\" IS NULL) <> (\"ClientApplicationId\" IS NULL)"));
        builder.HasIndex(assignment => new { assignment.ResourceApplicationId, assignment.AppRoleId });
        // Deleting the resource app, the user or the client app takes its assignments with it.
        builder.HasOne<SandboxApplication>().WithMany().HasForeignKey(assignment => assignment.ResourceApplicationId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SandboxUser>().WithMany().HasForeignKey(assignment => assignment.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SandboxApplication>().WithMany().HasForeignKey(assignment => assignment.ClientApplicationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
