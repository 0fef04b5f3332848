using FlexMail.Domain.OAuthApps;
using FlexMail.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlexMail.Domain.Persistence.Configurations;

internal sealed class EmailSettingsConfiguration : IEntityTypeConfiguration<EmailSettings>
{
    public void Configure(EntityTypeBuilder<EmailSettings> builder)
    {
        builder.ToTable("EmailSettings");
        builder.HasKey(settings => settings.Id);
        builder.Property(settings => settings.Id).ValueGeneratedNever();
        builder.Property(settings => settings.ServerBaseUrl).HasMaxLength(ColumnLengths.Url);
        builder.Property(settings => settings.SmtpUser).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(settings => settings.SmtpFromAddress).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(settings => settings.ImapUser).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(settings => settings.ReplyMailbox).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(settings => settings.EmailReplyFolder).HasMaxLength(ColumnLengths.FolderPath);
        builder.Property(settings => settings.ApprovalReplyAddress).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(settings => settings.ProcessedMailAction).HasConversion<string>().HasMaxLength(ColumnLengths.EnumName);
        builder.Property(settings => settings.ProcessedMailFolder).HasMaxLength(ColumnLengths.FolderPath);
        builder.Property(settings => settings.InboxRemovalAcknowledgedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(settings => settings.InboxRemovalAcknowledgedMailbox).HasMaxLength(ColumnLengths.EmailAddress);
        builder.Property(settings => settings.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne<OAuthApplication>().WithMany().HasForeignKey(settings => settings.SmtpOAuthApplicationId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OAuthApplication>().WithMany().HasForeignKey(settings => settings.ImapOAuthApplicationId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
