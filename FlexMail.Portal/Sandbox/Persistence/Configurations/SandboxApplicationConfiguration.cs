using FlexMail.Portal.Sandbox.Apps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxApplicationConfiguration : IEntityTypeConfiguration<SandboxApplication>
{
    public void Configure(EntityTypeBuilder<SandboxApplication> builder)
    {
        builder.HasIndex(application => application.AppId).IsUnique();
        builder.Property(application => application.AppRoles)
            .HasConversion(JsonColumn.Converter<List<SandboxAppRole>>(), JsonColumn.Comparer<SandboxAppRole>());
        builder.Property(application => application.ApiApplicationPermissions)
            .HasConversion(JsonColumn.Converter<List<SandboxApiRolePermission>>(), JsonColumn.Comparer<SandboxApiRolePermission>());
        builder.HasMany(application => application.Secrets).WithOne().HasForeignKey(secret => secret.ApplicationId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(application => application.Certificates).WithOne().HasForeignKey(certificate => certificate.ApplicationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
