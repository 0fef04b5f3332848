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
        builder.Property(credential => credential.PublicKeyFingerprint).HasMaxLength(ColumnLengths.Sha256Hex).IsRequired();
        builder.HasIndex(credential => credential.PublicKeyFingerprint);
        builder.Property(credential => credential.KeyAlgorithm).HasMaxLength(ColumnLengths.EnumName).IsRequired();
        builder.Property(credential => credential.Subject).HasMaxLength(ColumnLengths.DistinguishedName);
        builder.Property(credential => credential.Issuer).HasMaxLength(ColumnLengths.DistinguishedName);
        builder.Property(credential => credential.SerialNumber).HasMaxLength(ColumnLengths.SerialNumberHex);
        builder.Property(credential => credential.Sha1Thumbprint).HasMaxLength(ColumnLengths.Sha1Hex);
        builder.Property(credential => credential.Sha256Thumbprint).HasMaxLength(ColumnLengths.Sha256Hex);
    }
}
