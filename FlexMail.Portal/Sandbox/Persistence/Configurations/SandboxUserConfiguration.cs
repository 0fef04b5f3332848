using FlexMail.Portal.Sandbox.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Portal.Sandbox.Persistence.Configurations;

internal sealed class SandboxUserConfiguration : IEntityTypeConfiguration<SandboxUser>
{
    public void Configure(EntityTypeBuilder<SandboxUser> builder)
    {
        builder.HasIndex(user => user.UserPrincipalName).IsUnique();
        builder.HasIndex(user => user.Mail).IsUnique();
        builder.Property(user => user.Kind).HasConversion<string>();
    }
}
