using FlexMail.Domain.MailboxAccess;
using FlexMail.Domain.OAuthApps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class MailboxAuthorizationConfiguration : IEntityTypeConfiguration<MailboxAuthorization>
{
    public void Configure(EntityTypeBuilder<MailboxAuthorization> builder)
    {
        builder.ToTable("MailboxAuthorizations");
        builder.HasKey(authorization => authorization.Id);
        builder.Property(authorization => authorization.Role).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.HasIndex(authorization => authorization.Role).IsUnique();
        builder.Property(authorization => authorization.UserPrincipalName).HasMaxLength(ColumnLengths.EmailAddress).IsRequired();
        builder.Property(authorization => authorization.Status).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(authorization => authorization.StatusReason).HasMaxLength(ColumnLengths.Message);
        builder.Property(authorization => authorization.GrantedScopes).HasMaxLength(ColumnLengths.Message);
        builder.Property(authorization => authorization.AuthorizedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(authorization => authorization.AuthorizedById).HasMaxLength(ColumnLengths.Guid);
        builder.Property(authorization => authorization.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne<OAuthApplication>().WithMany().HasForeignKey(authorization => authorization.OAuthApplicationId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
