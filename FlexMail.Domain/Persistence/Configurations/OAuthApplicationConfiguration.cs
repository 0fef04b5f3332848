using FlexMail.Domain.Credentials;
using FlexMail.Domain.OAuthApps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class OAuthApplicationConfiguration : IEntityTypeConfiguration<OAuthApplication>
{
    public void Configure(EntityTypeBuilder<OAuthApplication> builder)
    {
        builder.ToTable("OAuthApplications");
        builder.HasKey(application => application.Id);
        builder.Property(application => application.Name).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.HasIndex(application => application.Name).IsUnique();
        builder.Property(application => application.Cloud).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(application => application.TenantId).HasMaxLength(ColumnLengths.DomainName).IsRequired();
        builder.Property(application => application.ClientId).HasMaxLength(ColumnLengths.Guid).IsRequired();
        builder.Property(application => application.PermissionMode).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(application => application.CredentialKind).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(application => application.ProtectedClientSecret);
        builder.Property(application => application.ClientSecretHint).HasMaxLength(ColumnLengths.Hint);
        builder.Property(application => application.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne<Credential>().WithMany().HasForeignKey(application => application.CertificateCredentialId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Credential>().WithMany().HasForeignKey(application => application.PrivateKeyCredentialId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
