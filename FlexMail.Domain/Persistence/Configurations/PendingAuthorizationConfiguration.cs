using FlexMail.Domain.MailboxAccess.Authorize;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class PendingAuthorizationConfiguration : IEntityTypeConfiguration<PendingAuthorization>
{
    public void Configure(EntityTypeBuilder<PendingAuthorization> builder)
    {
        builder.ToTable("PendingAuthorizations");
        builder.HasKey(pending => pending.Id);
        builder.Property(pending => pending.StateHash).HasMaxLength(ColumnLengths.Sha256Hex).IsRequired();
        builder.HasIndex(pending => pending.StateHash).IsUnique();
        builder.Property(pending => pending.BrowserBindingHash).HasMaxLength(ColumnLengths.Sha256Hex).IsRequired();
        builder.Property(pending => pending.Role).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(pending => pending.UserPrincipalName).HasMaxLength(ColumnLengths.EmailAddress).IsRequired();
        builder.Property(pending => pending.RequestedScopes).HasMaxLength(ColumnLengths.Message).IsRequired();
        builder.Property(pending => pending.RedirectUri).HasMaxLength(ColumnLengths.Url).IsRequired();
        builder.Property(pending => pending.ProtectedCodeVerifier).HasMaxLength(ColumnLengths.Message).IsRequired();
        builder.Property(pending => pending.StartedBy).HasMaxLength(ColumnLengths.Name).IsRequired();
        builder.Property(pending => pending.StartedById).HasMaxLength(ColumnLengths.Guid);
        builder.Property(pending => pending.ReturnUrl).HasMaxLength(ColumnLengths.Url).IsRequired();
        builder.HasIndex(pending => pending.ExpiresAt);
    }
}
