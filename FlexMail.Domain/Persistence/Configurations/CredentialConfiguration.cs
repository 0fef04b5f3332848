using FlexMail.Domain.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.ToTable("Credentials");
        builder.HasKey(credential => credential.Id);
        builder.Property(credential => credential.Name).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.HasIndex(credential => credential.Name).IsUnique();
        builder.Property(credential => credential.Type).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(credential => credential.ProtectedMaterial).IsRequired();
        builder.Property(credential => credential.Subject).HasMaxLength(ColumnLengths.DistinguishedName);
        builder.Property(credential => credential.Sha256Thumbprint).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.Property(credential => credential.KeyAlgorithm).HasMaxLength(ColumnLengths.EnumName);
    }
}
