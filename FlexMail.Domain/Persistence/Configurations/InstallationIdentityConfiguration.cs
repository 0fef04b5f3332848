using FlexMail.Domain.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class InstallationIdentityConfiguration : IEntityTypeConfiguration<InstallationIdentity>
{
    public void Configure(EntityTypeBuilder<InstallationIdentity> builder)
    {
        builder.ToTable("InstallationIdentity");
        builder.HasKey(identity => identity.Id);
        builder.Property(identity => identity.Id).ValueGeneratedNever();
        builder.Property(identity => identity.Code).HasMaxLength(ColumnLengths.Hint).IsRequired();
    }
}
